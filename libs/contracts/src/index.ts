// DTO decorators read design-time types: the metadata API must exist before any class loads.
import 'reflect-metadata';

export * from './bus';
export * from './envelope';
export * from './health';
export * from './pagination';
export * from './queues';
export * from './roles';
export * from './services';
export * from './catalog/catalog.events';
export * from './catalog/catalog.patterns';
export * from './catalog/product-summary';
export * from './notification/notification.patterns';
export * from './notification/notification.requests';
export * from './stock/record-movement.dto';
export * from './stock/set-reorder-level.dto';
export * from './stock/stock-level';
export * from './stock/stock-movement';
export * from './stock/stock-queries.dto';
export * from './stock/stock.events';
export * from './stock/stock.patterns';
