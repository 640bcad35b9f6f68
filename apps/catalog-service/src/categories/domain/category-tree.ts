import { CATEGORY_PATH_SEPARATOR } from '@inventory/contracts';

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * The category tree in memory: a shop has tens or hundreds of categories, so reading them
 * all is cheaper than walking the tree in SQL for every question (paths, subtrees, cycles).
 */
export class CategoryTree<T extends CategoryNode = CategoryNode> {
  private readonly byId = new Map<string, T>();
  private readonly children = new Map<string | null, T[]>();

  constructor(nodes: T[]) {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      const siblings = this.children.get(node.parentId) ?? [];
      siblings.push(node);
      this.children.set(node.parentId, siblings);
    }
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  childrenOf(id: string | null): T[] {
    return this.children.get(id) ?? [];
  }

  /** Names from the top of the tree down to the category. */
  path(id: string): string[] {
    return this.ancestry(id).map((node) => node.name);
  }

  /** The category and its ancestors, top first. */
  ancestry(id: string): T[] {
    const chain: T[] = [];
    const seen = new Set<string>();
    for (let node = this.byId.get(id); node && !seen.has(node.id);) {
      seen.add(node.id);
      chain.unshift(node);
      node = node.parentId ? this.byId.get(node.parentId) : undefined;
    }
    return chain;
  }

  /** The category and every descendant. */
  subtree(id: string): string[] {
    const ids = new Set<string>();
    const pending = [id];
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (ids.has(current)) continue;
      ids.add(current);
      pending.push(...this.childrenOf(current).map((child) => child.id));
    }
    return [...ids];
  }

  /** Moving `id` under `newParentId` would make it its own ancestor. */
  wouldCreateCycle(id: string, newParentId: string | null): boolean {
    if (newParentId === null) return false;
    return this.ancestry(newParentId).some((node) => node.id === id);
  }

  /** Another category under the same parent already has this name (case-insensitive). */
  siblingNamed(parentId: string | null, name: string, except?: string): T | undefined {
    const wanted = name.toLowerCase();
    return this.childrenOf(parentId).find(
      (node) => node.id !== except && node.name.toLowerCase() === wanted,
    );
  }

  /** `Microcontrollers > ESP32` → the category's id (names compared case-insensitively). */
  findByPath(path: string): T | undefined {
    const names = path
      .split(CATEGORY_PATH_SEPARATOR.trim())
      .map((name) => name.trim())
      .filter((name) => name !== '');
    let parent: string | null = null;
    let found: T | undefined;
    for (const name of names) {
      found = this.siblingNamed(parent, name);
      if (!found) return undefined;
      parent = found.id;
    }
    return found;
  }

  pathText(id: string): string {
    return this.path(id).join(CATEGORY_PATH_SEPARATOR);
  }
}
