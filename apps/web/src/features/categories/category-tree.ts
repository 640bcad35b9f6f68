import type { Category } from './api/list-categories';

export interface CategoryNode {
  category: Category;
  children: CategoryNode[];
}

/** The API's depth-first list as a tree, siblings by name. */
export function buildTree(categories: readonly Category[]): CategoryNode[] {
  const nodes = new Map(categories.map((category) => [category.id, { category, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId ? nodes.get(node.category.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: CategoryNode, b: CategoryNode) =>
    a.category.name.localeCompare(b.category.name, undefined, { sensitivity: 'base' });
  const sort = (list: CategoryNode[]) => {
    list.sort(byName);
    list.forEach((node) => sort(node.children));
    return list;
  };
  return sort(roots);
}

/**
 * The tree cut down to the categories whose name contains `text` (any case), with their
 * ancestors so each match keeps its place; everything when `text` is blank.
 */
export function filterTree(tree: CategoryNode[], text: string): CategoryNode[] {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return tree;
  const keep = (node: CategoryNode): CategoryNode | null => {
    const children = node.children.map(keep).filter((child) => child !== null);
    if (children.length > 0 || node.category.name.toLocaleLowerCase().includes(needle)) {
      return { category: node.category, children };
    }
    return null;
  };
  return tree.map(keep).filter((node) => node !== null);
}
