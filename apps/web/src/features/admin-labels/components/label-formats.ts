/** Label stock the console lays out, in millimetres. */
export interface LabelFormat {
  id: 'a4-3x8' | 'roll-62';
  page: { width: number; height: number };
  label: { width: number; height: number };
  columns: number;
  rows: number;
}

export const LABEL_FORMATS: Record<LabelFormat['id'], LabelFormat> = {
  // 3 × 8 on A4 without margins (the common 70 × 37 mm sheet).
  'a4-3x8': {
    id: 'a4-3x8',
    page: { width: 210, height: 297 },
    label: { width: 70, height: 37.125 },
    columns: 3,
    rows: 8,
  },
  // One label per page on a 62 mm continuous roll (label printers cut after each page).
  'roll-62': {
    id: 'roll-62',
    page: { width: 62, height: 29 },
    label: { width: 62, height: 29 },
    columns: 1,
    rows: 1,
  },
};

/**
 * The labels in order, each part repeated by its copies, cut into pages. `skip` leaves the
 * first labels of the first page empty (a sheet already partly used).
 */
export function paginate<T>(labels: T[], format: LabelFormat, skip = 0): (T | null)[][] {
  const perPage = format.columns * format.rows;
  const cells: (T | null)[] = [...Array<null>(Math.min(skip, perPage - 1)).fill(null), ...labels];
  const pages: (T | null)[][] = [];
  for (let i = 0; i < cells.length; i += perPage) pages.push(cells.slice(i, i + perPage));
  return pages;
}

/** What a label's QR code holds: the part page's URL, which scan mode resolves. */
export const partUrl = (origin: string, productId: string) => `${origin}/products/${productId}`;
