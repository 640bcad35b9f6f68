export * from './data-source-options';
export * from './database.module';
export * from './migrate';
export * from './delete-in-batches';
