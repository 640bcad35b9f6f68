export * from './service-errors';
export * from './service-exception.filter';
export * from './validation';
