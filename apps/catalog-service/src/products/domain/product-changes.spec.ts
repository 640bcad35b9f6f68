import type { ProductFields } from './product';
import { applyUpdate, productChanges, sameDecimal } from './product-changes';

const base: ProductFields = {
  sku: 'A',
  name: 'Part',
  description: null,
  categoryId: null,
  unitCost: '1.50',
  salePrice: null,
  currency: 'EUR',
  manufacturer: null,
  mpn: null,
  parameters: { package: 'DIP-8', pins: 8 },
  active: true,
};

describe('product changes', () => {
  it('compares decimals by value, not by trailing zeros', () => {
    expect(sameDecimal('1.50', '1.5')).toBe(true);
    expect(sameDecimal('10', '10.000')).toBe(true);
    expect(sameDecimal('0.1', '0.10001')).toBe(false);
    expect(sameDecimal(null, '0')).toBe(false);
  });

  it('lists each changed field with its old and new value, ignoring parameter order', () => {
    const next = applyUpdate(base, {
      unitCost: '1.5',
      parameters: { pins: 8, package: 'DIP-8' },
      name: 'Part B',
      mpn: null,
      active: false,
    });
    expect(next.unitCost).toBe('1.50');
    expect(productChanges(base, next)).toEqual({
      name: { from: 'Part', to: 'Part B' },
      active: { from: true, to: false },
    });
  });
});
