/** What Postgres said about a failed statement (TypeORM copies the driver's fields onto its error). */
export interface PostgresErrorInfo {
  code?: string;
  constraint?: string;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

export function postgresError(error: unknown): PostgresErrorInfo {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint } = error as PostgresErrorInfo;
  return { code, constraint };
}

export const isViolationOf = (error: unknown, code: string, constraint: string) => {
  const info = postgresError(error);
  return info.code === code && info.constraint === constraint;
};
