export * from './base.config';
export * from './config.module';
export * from './env-decorators';
export * from './load-config';
