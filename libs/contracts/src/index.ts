// DTO decorators read design-time types: the metadata API must exist before any class loads.
import 'reflect-metadata';

export * from './bus';
export * from './envelope';
export * from './health';
export * from './pagination';
export * from './queues';
export * from './roles';
export * from './services';
export * from './text';
export * from './catalog/catalog.events';
export * from './catalog/catalog.patterns';
export * from './catalog/product-summary';
export * from './notification/notification.alerts';
export * from './notification/notification.patterns';
export * from './notification/notification.requests';
export * from './stock/record-movement.dto';
export * from './stock/set-reorder-level.dto';
export * from './stock/stock-level';
export * from './stock/stock-movement';
export * from './stock/stock-queries.dto';
export * from './stock/stock.events';
export * from './stock/stock.patterns';
export * from './catalog/category.dto';
export * from './catalog/media.dto';
export * from './catalog/product-csv.dto';
export * from './catalog/product.dto';
export * from './catalog/validation';
