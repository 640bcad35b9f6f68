import { Injectable } from '@nestjs/common';
import type { Pool, QueryResult } from 'pg';
import { DataSource } from 'typeorm';

/**
 * Runs the hot statements straight on the connection pool TypeORM opened, as named
 * prepared statements: each is parsed and planned once per connection, and nothing stands
 * between the statement and the pool. Everything else goes through the DataSource as usual.
 */
@Injectable()
export class StockSql {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    // TypeORM's Postgres driver keeps its node-postgres pool here.
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const result: QueryResult = await this.pool.query({ name, text, values });
    return result.rows as T[];
  }

  /** A data-changing statement; answers how many rows it changed. */
  async execute(text: string, values: unknown[] = []): Promise<number> {
    const result: QueryResult = await this.pool.query(text, values);
    return result.rowCount ?? 0;
  }

  /** Plain query through the DataSource (its own pooled connection, not in a transaction). */
  query<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(text, values);
  }
}
