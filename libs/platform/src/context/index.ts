export * from './correlation.middleware';
export * from './request-context';
