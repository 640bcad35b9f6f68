/** Bus request patterns the catalog service answers (`<service>.<resource>.<verb>`). */
export const CatalogPatterns = {
  productsCreate: 'catalog.products.create',
  /** `{ id }` → `ProductDto` (a superset of `ProductSummary`); 404 when there is none. */
  productsGet: 'catalog.products.get',
  /** Several products by id in one request: `{ ids: string[] }` → `ProductSummary[]`. */
  productsGetMany: 'catalog.products.getMany',
  productsList: 'catalog.products.list',
  productsUpdate: 'catalog.products.update',
  productsArchive: 'catalog.products.archive',
  productsDelete: 'catalog.products.delete',
  /** `{ after? }` → one page of CSV (`ExportPageDto`); follow `next` until it is null. */
  productsExport: 'catalog.products.export',
  /** `{ importId, index, text }`: one part of a CSV file too big for one bus message. */
  productsImportPart: 'catalog.products.importPart',
  /** `{ csv }` or `{ importId, parts }`, `partial?` → `ImportResultDto`. */
  productsImport: 'catalog.products.import',
  categoriesCreate: 'catalog.categories.create',
  categoriesGet: 'catalog.categories.get',
  categoriesList: 'catalog.categories.list',
  categoriesUpdate: 'catalog.categories.update',
  categoriesDelete: 'catalog.categories.delete',
  mediaRequestUpload: 'catalog.media.requestUpload',
  mediaCompleteUpload: 'catalog.media.completeUpload',
  mediaList: 'catalog.media.list',
  /** `{ productId, mediaId }` → `MediaDto`: that image becomes the primary one. */
  mediaSetPrimary: 'catalog.media.setPrimary',
  mediaDelete: 'catalog.media.delete',
} as const;
