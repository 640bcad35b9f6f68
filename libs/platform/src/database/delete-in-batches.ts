/** Runs one statement and answers how many rows it changed. */
export type ExecuteSql = (text: string, values: unknown[]) => Promise<number>;

/**
 * Runs a `DELETE … WHERE key IN (SELECT … LIMIT batch)` statement until it deletes fewer than
 * `batch` rows, so each delete holds its locks briefly; instances purging at once only find
 * less to delete. Returns how many rows went in all.
 */
export async function deleteInBatches(
  execute: ExecuteSql,
  statement: string,
  values: unknown[],
  batch: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await execute(statement, values);
    total += deleted;
    if (deleted < batch) return total;
  }
}
