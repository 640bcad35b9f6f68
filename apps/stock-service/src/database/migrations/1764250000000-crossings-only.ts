import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES = (guard: (n: number) => string) => `
        SELECT rule.type
          FROM (VALUES
            (types[1], ${guard(1)}true),
            (types[2], ${guard(2)}before > reorder_before AND after <= reorder_after),
            (types[3], ${guard(3)}before > 0 AND after = 0),
            (types[4], ${guard(4)}before <= reorder_before AND after > reorder_after)
          ) AS rule (type, fires)
         WHERE rule.fires`;

const LEVEL_EVENTS = (body: string) => `
      CREATE OR REPLACE FUNCTION stock.level_events(
        before integer, after integer, reorder_before integer, reorder_after integer,
        types text[])
      RETURNS TABLE (type text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$${body}
      $$`;

/**
 * A NULL in `types` ([level changed, low, depleted, replenished]) means "do not write that
 * event". The stock service passes NULL for `stock.level.changed`: its one consumer, the
 * notification service, only acknowledged it, and it was one outbox row, one SQS send,
 * receive and delete per movement (docs/benchmarks.md). Movements and reorder-level changes
 * now write only crossings. Replaces `stock.level_events` of 1764100000003; the movement
 * function, which calls it, stays.
 */
export class CrossingsOnly1764250000000 implements MigrationInterface {
  name = 'CrossingsOnly1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(LEVEL_EVENTS(RULES((n) => `types[${n}] IS NOT NULL AND `)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(LEVEL_EVENTS(RULES(() => '')));
  }
}
