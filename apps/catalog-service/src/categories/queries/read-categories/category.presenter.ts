import type { CategoryDto } from '@inventory/contracts';
import type { CategoryRecord, ProductCounts } from '../../database/categories.repository';
import type { CategoryTree } from '../../domain/category-tree';

/** Categories as the API shows them: path, depth and product counts including descendants. */
export function presentCategories(
  tree: CategoryTree<CategoryRecord>,
  direct: Map<string, ProductCounts>,
  ids: string[] = tree.all().map((category) => category.id),
): CategoryDto[] {
  const rolledUp = new Map<string, ProductCounts>();
  const countsOf = (id: string): ProductCounts => {
    const known = rolledUp.get(id);
    if (known) return known;
    const counts = { ...(direct.get(id) ?? { total: 0, active: 0 }) };
    for (const child of tree.childrenOf(id)) {
      const sub = countsOf(child.id);
      counts.total += sub.total;
      counts.active += sub.active;
    }
    rolledUp.set(id, counts);
    return counts;
  };
  return ids
    .map((id) => tree.get(id)!)
    .map((category) => {
      const path = tree.path(category.id);
      const counts = countsOf(category.id);
      return {
        id: category.id,
        name: category.name,
        description: category.description,
        parentId: category.parentId,
        path,
        depth: path.length - 1,
        childCount: tree.childrenOf(category.id).length,
        productCount: counts.total,
        activeProductCount: counts.active,
        createdAt: category.createdAt.toISOString(),
        updatedAt: category.updatedAt.toISOString(),
      };
    })
    .sort((a, b) => comparePaths(a.path, b.path));
}

/** Depth-first order: a parent right before its children, siblings by name. */
function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = a[i].localeCompare(b[i], 'en', { sensitivity: 'base' });
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
