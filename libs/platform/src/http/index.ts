export * from './http-input';
export * from './input-rules';
