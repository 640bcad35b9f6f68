import {
  type Actor,
  type AuditEntryDto,
  type RecordMovementReply,
  ListStockAudit,
  RecordMovement,
  Role,
  SetReorderLevel,
} from '@inventory/contracts';
import { stockFixture, type StockFixture } from './support';

const admin: Actor = {
  userId: '5b4f6f8e-2f0a-4c1e-9a3e-1f1f4a2b0c01',
  role: Role.Admin,
  email: 'admin@lab.example',
};
const staff: Actor = {
  userId: '5b4f6f8e-2f0a-4c1e-9a3e-1f1f4a2b0c02',
  role: Role.Staff,
  email: 'staff@lab.example',
};

/**
 * Stock's trail: reorder levels are recorded by the statement that changes them; movements
 * are not copied but read from the ledger as `stock.movement.recorded` entries.
 */
describe('stock audit trail (bus, real Postgres)', () => {
  let fx: StockFixture;

  beforeAll(async () => {
    fx = await stockFixture({ DEFAULT_REORDER_LEVEL: '5' }, 'stock_audit');
  });

  afterAll(async () => {
    await fx?.close();
  });

  const trail = (filter: object) =>
    fx.send<AuditEntryDto[]>(ListStockAudit, { limit: 50, ...filter }, admin);
  const rows = async (productId: string) =>
    Number(
      (
        await fx.db.query(`SELECT count(*) AS n FROM audit_entries WHERE entity_id = $1`, [
          productId,
        ])
      ).rows[0].n,
    );

  it('records a reorder level change once, and a level set to what it was not at all', async () => {
    const { id, sku } = fx.catalog.add();
    await fx.send(SetReorderLevel, { productId: id, reorderLevel: 8 }, admin);
    await fx.send(SetReorderLevel, { productId: id, reorderLevel: 8 }, admin);

    const entries = await trail({ entityType: 'product', entityId: id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'stock.reorder_level.set',
      actor: { userId: admin.userId, email: admin.email, role: 'admin' },
      summary: `Reorder level of ${sku}: 5 → 8`,
      changes: [{ field: 'reorderLevel', from: 5, to: 8 }],
      service: 'stock',
      origin: 'api',
    });
  });

  it('records nothing for a refused level (400, 404) or one rolled back at commit', async () => {
    const { id } = fx.catalog.add();
    const negative = await fx.sendExpectingError(
      SetReorderLevel,
      { productId: id, reorderLevel: -1 },
      admin,
    );
    expect(negative.getStatus()).toBe(400);
    const unknown = await fx.sendExpectingError(
      SetReorderLevel,
      { productId: '00000000-0000-4000-8000-000000000000', reorderLevel: 3 },
      admin,
    );
    expect(unknown.getStatus()).toBe(404);

    await fx.db.query(`
      CREATE FUNCTION stock.refuse_level_999() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.reorder_level = 999 THEN RAISE EXCEPTION 'forced rollback'; END IF;
        RETURN NULL;
      END $$`);
    await fx.db.query(`
      CREATE CONSTRAINT TRIGGER refuse_level_999 AFTER UPDATE ON stock.stock_items
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stock.refuse_level_999()`);
    try {
      const rolledBack = await fx.sendExpectingError(
        SetReorderLevel,
        { productId: id, reorderLevel: 999 },
        admin,
      );
      expect(rolledBack.getStatus()).toBe(500);
    } finally {
      await fx.db.query(`DROP TRIGGER refuse_level_999 ON stock.stock_items`);
      await fx.db.query(`DROP FUNCTION stock.refuse_level_999()`);
    }
    expect(await rows(id)).toBe(0);
  });

  it('answers movements from the ledger, interleaved with its own entries, by actor and action', async () => {
    const { id, sku } = fx.catalog.add();
    const received = await fx.send<RecordMovementReply>(
      RecordMovement,
      { productId: id, type: 'receive', quantity: 12 },
      staff,
    );
    await fx.send(SetReorderLevel, { productId: id, reorderLevel: 3 }, admin);
    await fx.send(RecordMovement, { productId: id, type: 'issue', quantity: 2 }, staff);

    const history = await trail({ entityType: 'product', entityId: id });
    expect(history.map((entry) => [entry.action, entry.actor.userId])).toEqual([
      ['stock.movement.recorded', staff.userId],
      ['stock.reorder_level.set', admin.userId],
      ['stock.movement.recorded', staff.userId],
    ]);
    expect(history[2]).toMatchObject({
      movementId: received.movement.id,
      summary: `Received 12 of ${sku} (on hand 0 → 12)`,
      changes: [{ field: 'onHand', from: 0, to: 12 }],
    });
    // The ledger is the record: nothing was copied into the trail's table.
    expect(await rows(id)).toBe(1);

    const byStaff = await trail({ actorId: staff.userId, entityId: id });
    expect(byStaff.every((entry) => entry.action === 'stock.movement.recorded')).toBe(true);
    expect(byStaff).toHaveLength(2);
    const levelsOnly = await trail({ entityId: id, action: 'stock.reorder_level.set' });
    expect(levelsOnly).toHaveLength(1);
    expect(await trail({ entityId: id, limit: 1 })).toHaveLength(1);
  });

  it('refuses to change or delete an entry', async () => {
    const { id } = fx.catalog.add();
    await fx.send(SetReorderLevel, { productId: id, reorderLevel: 1 }, admin);
    await expect(
      fx.db.query(`UPDATE audit_entries SET summary = 'x' WHERE entity_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      fx.db.query(`DELETE FROM audit_entries WHERE entity_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    expect(await rows(id)).toBe(1);
  });
});
