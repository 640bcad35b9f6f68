import { randomUUID } from 'node:crypto';
import {
  type AlertRecipients,
  type AuditEntryDto,
  type DigestRunResult,
  ListNotificationAudit,
  RunDigest,
  SetAlertRecipients,
} from '@inventory/contracts';
import { NotificationFixture, stockLevel } from './support';

/** Notification's trail: alert recipients changed and the digest run on demand. */
describe('notification audit trail (bus, real Postgres)', () => {
  let fx: NotificationFixture;
  const admin = { userId: randomUUID(), role: 'admin', email: 'admin@lab.example' };

  beforeAll(async () => {
    fx = await NotificationFixture.create({ env: { ALERT_RECIPIENTS: 'stores@inventory.test' } });
  });

  afterAll(async () => {
    await fx?.close();
  });

  const trail = (filter: object = {}) =>
    fx.ask<AuditEntryDto[]>(ListNotificationAudit, { limit: 20, ...filter });
  const count = async () =>
    Number((await fx.db.query(`SELECT count(*) AS n FROM audit_entries`))[0].n);

  it('records a change of alert recipients once, with the list before and after', async () => {
    await fx.ask<AlertRecipients>(
      SetAlertRecipients,
      { recipients: ['stores@inventory.test', 'buyer@inventory.test'] },
      admin,
    );
    const [entry, ...rest] = await trail({ entityType: 'alert-recipients' });
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'alerts.recipients.changed',
      actor: admin,
      summary: 'Added buyer@inventory.test',
      changes: [
        {
          field: 'recipients',
          from: ['stores@inventory.test'],
          to: ['stores@inventory.test', 'buyer@inventory.test'],
        },
      ],
    });
  });

  it('records nothing for a refused list or a rollback at commit', async () => {
    const before = await count();
    const refused = await fx
      .ask(SetAlertRecipients, { recipients: ['not an address'] }, admin)
      .catch((error: { getStatus(): number }) => error.getStatus());
    expect(refused).toBe(400);

    await fx.db.query(`
      CREATE FUNCTION notification.refuse_rollback() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced rollback'; END $$`);
    await fx.db.query(`
      CREATE CONSTRAINT TRIGGER refuse_rollback AFTER INSERT OR UPDATE ON notification.alert_recipients
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION notification.refuse_rollback()`);
    try {
      const rolledBack = await fx
        .ask(SetAlertRecipients, { recipients: ['lab@inventory.test'] }, admin)
        .catch((error: { getStatus(): number }) => error.getStatus());
      expect(rolledBack).toBe(500);
    } finally {
      await fx.db.query(`DROP TRIGGER refuse_rollback ON notification.alert_recipients`);
      await fx.db.query(`DROP FUNCTION notification.refuse_rollback()`);
    }
    expect(await count()).toBe(before);
  });

  it('records a digest run on demand', async () => {
    fx.stock.levels = [stockLevel({ name: 'Resistor', sku: 'RES-1', onHand: 1, reorderLevel: 5 })];
    const result = await fx.ask<DigestRunResult>(RunDigest, { force: true }, admin);
    const [entry] = await trail({ action: 'alerts.digest.run' });
    expect(entry).toMatchObject({
      entityType: 'digest',
      entityId: result.runId,
      actor: { userId: admin.userId },
      summary: `Ran the low-stock digest (forced): ${result.status}, 1 low`,
    });
  });
});
