import { recognise, type Recogniser } from './recognisers';

const ID = '6f1c2a4e-8d3b-4f7a-9e21-0c5d7b8a9f10';

describe('scan code recognisers', () => {
  it('reads our label QR (the part page URL) as the product id, from any origin', () => {
    expect(recognise(`https://inventory.lab.example/products/${ID}`)).toEqual({
      target: { kind: 'product-id', productId: ID },
      recogniser: 'label-url',
    });
    expect(recognise(`http://localhost:3000/products/${ID.toUpperCase()}/`)?.target).toEqual({
      kind: 'product-id',
      productId: ID,
    });
  });

  it('does not take other URLs for a label', () => {
    expect(recognise('https://shop.example/products/not-a-uuid')).toBeNull();
    expect(recognise(`https://shop.example/api/v1/products/${ID}`)).toBeNull();
    expect(recognise(`ftp://shop.example/products/${ID}`)).toBeNull();
  });

  it('reads a plain SKU in any case, trimmed', () => {
    expect(recognise('  mcu-esp-32 ')).toEqual({
      target: { kind: 'sku', sku: 'MCU-ESP-32' },
      recogniser: 'sku',
    });
    expect(recognise('R-10K/0805')?.target).toEqual({ kind: 'sku', sku: 'R-10K/0805' });
  });

  it('understands nothing that is neither', () => {
    expect(recognise('')).toBeNull();
    expect(recognise('two words')).toBeNull();
    expect(recognise('-LEADING-DASH')).toBeNull();
    expect(recognise('X'.repeat(65))).toBeNull();
  });

  it('asks recognisers in order, so a new format plugs in ahead of the SKU', () => {
    const lcsc: Recogniser = {
      name: 'lcsc',
      recognise: (code) =>
        code.startsWith('{pbn:')
          ? { target: { kind: 'sku', sku: 'C2040' }, quantity: 10, recogniser: 'lcsc' }
          : null,
    };
    expect(recognise('{pbn:PICK1,pc:C2040,qty:10}', [lcsc])).toMatchObject({ quantity: 10 });
    expect(recognise('MCU-ESP-32', [lcsc])).toBeNull();
  });
});
