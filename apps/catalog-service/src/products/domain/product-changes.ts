import type { FieldChange } from '@inventory/contracts';
import { PRODUCT_FIELDS, type ProductFields } from './product';

/** "12.50" and "12.5" are the same amount: compare decimals without trailing zeros. */
export function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return canonicalDecimal(a) === canonicalDecimal(b);
}

function canonicalDecimal(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals ? `${digits}.${decimals}` : digits;
}

/** Parameter maps are equal when they hold the same entries, in any order. */
export function sameParameters(a: object, b: object): boolean {
  const left = Object.entries(a);
  if (left.length !== Object.keys(b).length) return false;
  return left.every(
    ([key, value]) =>
      Object.prototype.hasOwnProperty.call(b, key) && (b as Record<string, unknown>)[key] === value,
  );
}

function same<K extends keyof ProductFields>(
  field: K,
  a: ProductFields[K],
  b: ProductFields[K],
): boolean {
  if (field === 'unitCost' || field === 'salePrice') {
    return sameDecimal(a as string | null, b as string | null);
  }
  if (field === 'parameters') return sameParameters(a as object, b as object);
  return a === b;
}

/** Field → { from, to } for every field that differs: what `product.updated` carries. */
export function productChanges(
  before: ProductFields,
  after: ProductFields,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of PRODUCT_FIELDS) {
    if (!same(field, before[field], after[field])) {
      changes[field] = { from: before[field], to: after[field] };
    }
  }
  return changes;
}

/**
 * The fields after applying an update where `undefined` means "leave as it is". A value
 * equal to the current one keeps the current form ("10.0" does not replace "10.00").
 */
export function applyUpdate(
  current: ProductFields,
  update: Partial<{ [K in keyof ProductFields]: ProductFields[K] | undefined }>,
): ProductFields {
  const next = { ...current };
  for (const field of PRODUCT_FIELDS) {
    const value = update[field];
    if (value !== undefined && !same(field, current[field], value as ProductFields[typeof field])) {
      (next as Record<string, unknown>)[field] = value;
    }
  }
  return next;
}
