import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ListUsersQueryDto } from '../queries/list-users/list-users.dto';
import { UserEntity } from './user.entity';

/** Reads of the users table for the routes that show people: lists, one user, names. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Oldest first, filtered by `q` (email or display name, without case), role and active. */
  async list(
    query: ListUsersQueryDto,
    page: number,
    pageSize: number,
  ): Promise<{ users: UserEntity[]; total: number }> {
    const builder = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .orderBy('user.createdAt', 'ASC')
      .addOrderBy('user.id', 'ASC')
      // No joins here, so plain OFFSET/LIMIT.
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere('(user.email LIKE :pattern OR lower(user.displayName) LIKE :pattern)', {
        pattern,
      });
    }
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined)
      builder.andWhere('user.active = :active', { active: query.active });
    const [users, total] = await builder.getManyAndCount();
    return { users, total };
  }

  /** Display names by user id, in one query (ids that match no user are left out). */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  /** Emails by user id, in one query: for trail entries that name only a user id (the ledger's). */
  async emails(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await this.dataSource.query(
      'SELECT id, email FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
