/** Formatting shared by every page (the browser's locale). */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const integer = new Intl.NumberFormat();

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '–';

export const formatCount = (value: number) => integer.format(value);

export const formatDelta = (delta: number) =>
  delta > 0 ? `+${integer.format(delta)}` : integer.format(delta);

export function formatPrice(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '–';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}
