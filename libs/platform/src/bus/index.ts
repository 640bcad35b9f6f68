export * from './answers-request';
export * from './bus-context.interceptor';
export * from './bus-options';
export * from './bus.module';
export * from './service-bus';
