import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a transaction's manager or the DataSource itself. */
export type Sql = Pick<EntityManager, 'query'>;
