export * from './health.module';
export * from './health.service';
