/** Bus request patterns the catalog service answers (`<service>.<resource>.<verb>`). */
export const CatalogPatterns = {
  productsCreate: 'catalog.products.create',
  productsGet: 'catalog.products.get',
  /** Several products by id in one request: `{ ids: string[] }` → `ProductSummary[]`. */
  productsGetMany: 'catalog.products.getMany',
  productsList: 'catalog.products.list',
  productsUpdate: 'catalog.products.update',
  productsArchive: 'catalog.products.archive',
  productsDelete: 'catalog.products.delete',
  productsExport: 'catalog.products.export',
  productsImport: 'catalog.products.import',
  categoriesCreate: 'catalog.categories.create',
  categoriesGet: 'catalog.categories.get',
  categoriesList: 'catalog.categories.list',
  categoriesUpdate: 'catalog.categories.update',
  categoriesDelete: 'catalog.categories.delete',
  mediaRequestUpload: 'catalog.media.requestUpload',
  mediaCompleteUpload: 'catalog.media.completeUpload',
  mediaList: 'catalog.media.list',
  mediaDelete: 'catalog.media.delete',
} as const;
