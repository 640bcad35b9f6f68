export * from './audit-schema';
export * from './audit-trail';
export * from './audit-list.controller';
