import type { Category } from './api/list-categories';
import { buildTree, filterTree, type CategoryNode } from './category-tree';

const category = (id: string, name: string, parentId: string | null): Category =>
  ({
    id,
    name,
    parentId,
    path: [],
    depth: 0,
    childCount: 0,
    productCount: 0,
  }) as unknown as Category;

const CATEGORIES = [
  category('p', 'Power', null),
  category('b', 'batteries', 'p'),
  category('r', 'Regulators', 'p'),
  category('m', 'Microcontrollers', null),
  category('e', 'ESP32', 'm'),
  category('a', 'Arduino', 'm'),
];

const names = (nodes: CategoryNode[]): unknown[] =>
  nodes.map((node) =>
    node.children.length ? [node.category.name, names(node.children)] : node.category.name,
  );

describe('the category tree', () => {
  it('puts children under their parents, siblings by name in any case', () => {
    expect(names(buildTree(CATEGORIES))).toEqual([
      ['Microcontrollers', ['Arduino', 'ESP32']],
      ['Power', ['batteries', 'Regulators']],
    ]);
  });

  it('keeps the matches of a filter with their ancestors, everything for a blank one', () => {
    const tree = buildTree(CATEGORIES);
    expect(names(filterTree(tree, 'BATT'))).toEqual([['Power', ['batteries']]]);
    expect(names(filterTree(tree, 'micro'))).toEqual(['Microcontrollers']);
    expect(filterTree(tree, '  ')).toBe(tree);
    expect(filterTree(tree, 'nothing like it')).toEqual([]);
  });
});
