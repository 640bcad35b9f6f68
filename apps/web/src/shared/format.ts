/** Formatting shared by every page (the browser's locale). */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const integer = new Intl.NumberFormat();

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '–';

export const formatCount = (value: number) => integer.format(value);

export const formatDelta = (delta: number) =>
  delta > 0 ? `+${integer.format(delta)}` : integer.format(delta);

/**
 * One formatter per currency, made the first time it is needed: making an Intl.NumberFormat
 * costs far more than using one, and a page of the parts list formats a price per row.
 * `null` remembers a currency code the browser does not know.
 */
const currencies = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string): Intl.NumberFormat | null {
  let format = currencies.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      format = null;
    }
    currencies.set(currency, format);
  }
  return format;
}

export function formatPrice(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '–';
  return currencyFormat(currency)?.format(Number(amount)) ?? `${amount} ${currency}`;
}
