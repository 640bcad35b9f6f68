import { CategoryTree } from './category-tree';

const tree = new CategoryTree([
  { id: 'mcu', parentId: null, name: 'Microcontrollers' },
  { id: 'esp', parentId: 'mcu', name: 'ESP32' },
  { id: 's3', parentId: 'esp', name: 'ESP32-S3' },
  { id: 'pwr', parentId: null, name: 'Power' },
]);

describe('category tree', () => {
  it('knows paths and subtrees', () => {
    expect(tree.path('s3')).toEqual(['Microcontrollers', 'ESP32', 'ESP32-S3']);
    expect(tree.subtree('mcu').sort()).toEqual(['esp', 'mcu', 's3']);
    expect(tree.subtree('pwr')).toEqual(['pwr']);
  });

  it('sees a cycle in a move under oneself or a descendant, and only there', () => {
    expect(tree.wouldCreateCycle('mcu', 'mcu')).toBe(true);
    expect(tree.wouldCreateCycle('mcu', 's3')).toBe(true);
    expect(tree.wouldCreateCycle('esp', 'pwr')).toBe(false);
    expect(tree.wouldCreateCycle('s3', 'mcu')).toBe(false);
    expect(tree.wouldCreateCycle('s3', null)).toBe(false);
  });

  it('finds a category by its CSV path, case-insensitively', () => {
    expect(tree.findByPath('microcontrollers > esp32 > ESP32-s3')?.id).toBe('s3');
    expect(tree.findByPath('Microcontrollers>ESP32')?.id).toBe('esp');
    expect(tree.findByPath('ESP32')).toBeUndefined();
    expect(tree.findByPath('Power > ESP32')).toBeUndefined();
  });
});
