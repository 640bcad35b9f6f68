/*
 * What a scanned or typed code means. Scan mode runs the code through RECOGNISERS in order and
 * uses the first answer; the screen never looks at the code itself. A new kind of code (a
 * supplier's bag label: Digi-Key / Mouser ISO 15434 DataMatrix, LCSC's QR) is one more
 * recogniser here, nothing else changes.
 */

/** What a code points at: a product by id, or by SKU. */
export type ScanTarget = { kind: 'product-id'; productId: string } | { kind: 'sku'; sku: string };

export interface ScanMatch {
  target: ScanTarget;
  /** A quantity the code itself carries (a supplier's bag label); the typed one otherwise. */
  quantity?: number;
  /** Which recogniser matched (shown nowhere; for tests and logs). */
  recogniser: string;
}

export interface Recogniser {
  name: string;
  recognise(code: string): ScanMatch | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our own label's QR code: the URL of the part's page, `<console origin>/products/<id>`. A
 * phone's camera app opens the page; scan mode reads the id. Any origin is accepted (a label
 * printed from a test system still names the part by its id, which the API then looks up).
 */
export const labelUrlRecogniser: Recogniser = {
  name: 'label-url',
  recognise(code) {
    let url: URL;
    try {
      url = new URL(code.trim());
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const match = /^\/products\/([^/]+)\/?$/.exec(url.pathname);
    if (!match || !UUID.test(match[1])) return null;
    return {
      target: { kind: 'product-id', productId: match[1].toLowerCase() },
      recogniser: this.name,
    };
  },
};

/** The catalog's SKU rule (case-insensitive; stored upper case). */
const SKU = /^[A-Z0-9][A-Z0-9._/-]{0,63}$/;

/** A plain SKU, from a 1D barcode or typed at the counter (`mcu-esp-32` works too). */
export const skuRecogniser: Recogniser = {
  name: 'sku',
  recognise(code) {
    const sku = code.trim().toUpperCase();
    return SKU.test(sku) ? { target: { kind: 'sku', sku }, recogniser: this.name } : null;
  },
};

/** In order: the first recogniser that understands a code wins. */
export const RECOGNISERS: readonly Recogniser[] = [labelUrlRecogniser, skuRecogniser];

/** What `code` means, or null when no recogniser understands it. */
export function recognise(
  code: string,
  recognisers: readonly Recogniser[] = RECOGNISERS,
): ScanMatch | null {
  for (const recogniser of recognisers) {
    const match = recogniser.recognise(code);
    if (match) return match;
  }
  return null;
}
