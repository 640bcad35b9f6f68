/**
 * Readers of a page's search params, for a route's `validateSearch`. Each keeps a well-formed
 * value and drops anything else, so a mangled or outdated link opens the page without that
 * filter instead of an error page. They are plain functions on purpose: every route's
 * search is read in the first chunk, which then does not need the forms' schema library.
 */
export type Reader<T> = (value: unknown) => T | undefined;

/** A page's search: each key optional, so links may leave any of them out. */
export type SearchOf<S extends Record<string, Reader<unknown>>> = {
  [K in keyof S]?: NonNullable<ReturnType<S[K]>>;
};

/** `validateSearch` for `shape`: only the keys of `shape`, each read by its reader. */
export function searchParams<S extends Record<string, Reader<unknown>>>(
  shape: S,
): (raw: Record<string, unknown>) => SearchOf<S> {
  return (raw) => {
    const search: Record<string, unknown> = {};
    for (const [key, read] of Object.entries(shape)) {
      const value = read(raw[key]);
      if (value !== undefined) search[key] = value;
    }
    return search as SearchOf<S>;
  };
}

/**
 * Text of at most `max` characters. A number is read as its digits: the router reads
 * `?q=470` typed by hand as the number 470.
 */
export const text =
  (max: number): Reader<string> =>
  (value) => {
    const read = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    return typeof read === 'string' && read.length <= max ? read : undefined;
  };

/** One of `values`. */
export const oneOf =
  <const T extends string | number>(values: readonly T[]): Reader<T> =>
  (value) =>
    values.includes(value as T) ? (value as T) : undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID (an id of the API). */
export const uuid: Reader<string> = (value) =>
  typeof value === 'string' && UUID.test(value) ? value : undefined;

/** A whole number of at least `min`. */
export const wholeNumber =
  (min: number): Reader<number> =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : undefined;

/** true or false. */
export const flag: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);
