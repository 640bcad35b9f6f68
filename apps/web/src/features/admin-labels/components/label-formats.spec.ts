import { LABEL_FORMATS, paginate, partUrl } from './label-formats';

describe('label layout', () => {
  it('fills an A4 sheet of 3 × 8 and starts a new page after 24 labels', () => {
    const labels = Array.from({ length: 30 }, (_, i) => i);
    const pages = paginate(labels, LABEL_FORMATS['a4-3x8']);
    expect(pages.map((page) => page.length)).toEqual([24, 6]);
    expect(pages[1][0]).toBe(24);
  });

  it('skips the used labels of a partly used first sheet', () => {
    const pages = paginate([1, 2, 3], LABEL_FORMATS['a4-3x8'], 22);
    expect(pages).toEqual([[...Array<null>(22).fill(null), 1, 2], [3]]);
  });

  it('puts one label on each page of a 62 mm roll', () => {
    expect(paginate(['a', 'b'], LABEL_FORMATS['roll-62'], 5)).toEqual([['a'], ['b']]);
  });

  it('lays the A4 sheet out edge to edge on the page', () => {
    const a4 = LABEL_FORMATS['a4-3x8'];
    expect(a4.columns * a4.label.width).toBe(a4.page.width);
    expect(a4.rows * a4.label.height).toBe(a4.page.height);
  });

  it('encodes the part page URL that scan mode resolves', () => {
    expect(partUrl('https://inv.example', 'abc')).toBe('https://inv.example/products/abc');
  });
});
