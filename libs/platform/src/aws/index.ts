export * from './aws-clients';
