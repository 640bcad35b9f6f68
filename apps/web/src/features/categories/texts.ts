/** Every user-facing string of the categories page. */
export const categoriesTexts = {
  title: 'Categories',
  intro: 'Counts include the parts of every sub-category. Open a category to see its parts.',
  filterLabel: 'Find a category',
  filterPlaceholder: 'Name of a category',
  allParts: 'All parts',
  parts: (count: number) => `${count.toLocaleString()} part${count === 1 ? '' : 's'}`,
  archived: (count: number) => `+${count.toLocaleString()} archived`,
  expand: (name: string) => `Show the sub-categories of ${name}`,
  collapse: (name: string) => `Hide the sub-categories of ${name}`,
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  empty: 'There are no categories yet.',
  noMatch: (text: string) => `No category matches “${text}”.`,
  treeLabel: 'Category tree',
} as const;
