export * from './config-summary';
export * from './create-app';
export * from './exit-on-startup-error';
export * from './run-service';
export * from './cli';
export * from './app-lifecycle';
