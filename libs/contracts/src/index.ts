// DTO decorators read design-time types: the metadata API must exist before any class loads.
import 'reflect-metadata';

export * from './bus';
export * from './envelope';
export * from './health';
export * from './queues';
export * from './roles';
export * from './services';
