import { type DigestRunResult, type StockLevel, RunDigest } from '@inventory/contracts';
import type { ServiceError } from '@inventory/platform';
import { runDigestCli } from '../src/commands/run-digest/run-digest.cli';
import { dayIn } from '../src/commands/run-digest/digest-day';
import { eventually, NotificationFixture, sleep, stockLevel } from './support';

/** The seed's sample alert email (docs: aws-services-integration.md, "Sample Alert Email"). */
const SEED_SAMPLE_SUBJECT = 'Low Stock Alert - 2 Items Need Restocking';
const SEED_SAMPLE_BODY = `Low Stock Alert - Electronic Inventory System
==================================================

The following 2 items are running low on stock:

- ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)
- 9V Battery (SKU: PWR-BAT-9V): 6 units (Min: 12)

==================================================
Please restock these items soon.

Login to manage inventory: http://your-server-url/admin/`;

const seedItems = (): StockLevel[] => [
  stockLevel({ name: 'ESP32 DevKit', sku: 'MCU-ESP-32', onHand: 8, reorderLevel: 10 }),
  stockLevel({ name: '9V Battery', sku: 'PWR-BAT-9V', onHand: 6, reorderLevel: 12 }),
];

function output() {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

describe('the low-stock digest', () => {
  let fx: NotificationFixture;
  const run = (force = false) => fx.ask<DigestRunResult>(RunDigest, force ? { force } : {});

  beforeAll(async () => {
    // The seed's login link is <server>/admin/: PUBLIC_URL makes ours the same.
    fx = await NotificationFixture.create({ env: { PUBLIC_URL: 'http://your-server-url/admin' } });
  });

  afterAll(async () => {
    await fx?.close();
  });

  beforeEach(async () => {
    await fx.clearMail();
    await fx.db.query('TRUNCATE email_log, digest_runs');
    fx.stock.levels = [];
  });

  it("lists two low items in the seed's exact format, character for character", async () => {
    fx.stock.levels = seedItems();
    const result = await run();

    const mail = await fx.sentMail();
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(SEED_SAMPLE_SUBJECT);
    expect(mail[0].body.text).toBe(SEED_SAMPLE_BODY);
    expect(mail[0].destination.to).toEqual(['stores@inventory.test', 'lab@inventory.test']);
    expect(mail[0].body.html).toContain('ESP32 DevKit');
    expect(mail[0].body.html).toContain('href="http://your-server-url/admin/"');

    expect(result).toEqual(
      expect.objectContaining({
        status: 'sent',
        runDate: dayIn('UTC'),
        timeZone: 'UTC',
        forced: false,
        subject: SEED_SAMPLE_SUBJECT,
        sesMessageId: mail[0].messageId,
        recipients: ['stores@inventory.test', 'lab@inventory.test'],
      }),
    );
    expect(result.items.map((i) => i.sku)).toEqual(['MCU-ESP-32', 'PWR-BAT-9V']);
    expect(await fx.emailLog()).toEqual([
      expect.objectContaining({
        kind: 'digest',
        status: 'sent',
        ses_message_id: mail[0].messageId,
      }),
    ]);
  });

  it('says "1 item" when one item is low', async () => {
    fx.stock.levels = [seedItems()[0]];
    await run();
    const [mail] = await fx.sentMail();
    expect(mail.subject).toBe('Low Stock Alert - 1 Item Needs Restocking');
    expect(mail.body.text).toContain(
      'The following 1 item is running low on stock:\n\n- ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)\n',
    );
    expect(mail.body.text).toContain('Please restock this item soon.');
  });

  it('sends nothing when nothing is low', async () => {
    const result = await run();
    expect(result.status).toBe('nothing_low');
    expect(result.items).toEqual([]);
    expect(await fx.sentMail()).toHaveLength(0);
    expect(await fx.emailLog()).toHaveLength(0);
  });

  it('goes out once a day; a second run sends again only when forced', async () => {
    fx.stock.levels = seedItems();
    const first = await run();
    const second = await run();
    expect(first.status).toBe('sent');
    expect(second.status).toBe('already_sent');
    expect(second.previouslySentAt).not.toBeNull();
    expect(await fx.sentMail()).toHaveLength(1);

    const forced = await run(true);
    expect(forced).toEqual(expect.objectContaining({ status: 'sent', forced: true }));
    expect(await fx.sentMail()).toHaveLength(2);

    // A forced run counts as today's digest too.
    await fx.db.query('TRUNCATE email_log, digest_runs');
    await run(true);
    expect((await run()).status).toBe('already_sent');
  });

  it('sends one digest when several runs (instances) start at the same moment', async () => {
    fx.stock.levels = seedItems();
    const results = await Promise.all(Array.from({ length: 4 }, () => run()));
    expect(results.map((r) => r.status).sort()).toEqual([
      'already_sent',
      'already_sent',
      'already_sent',
      'sent',
    ]);
    expect(await fx.sentMail()).toHaveLength(1);
  });

  it('answers 503 naming the stock service when it cannot be asked, and records the failed run', async () => {
    await fx.stock.stop();
    try {
      const error = await run().catch((e: unknown) => e as ServiceError);
      expect((error as ServiceError).getStatus()).toBe(503);
      expect((error as ServiceError).message).toBe('The stock service is unavailable');
      const runs = await fx.db.query('SELECT status, error FROM digest_runs');
      expect(runs).toEqual([
        { status: 'failed', error: 'stock levels unavailable: The stock service is unavailable' },
      ]);
      expect(await fx.sentMail()).toHaveLength(0);
    } finally {
      await fx.stock.start();
    }
  });

  it('answers 502 while SES is down, records the failed attempt, and still sends when SES is back', async () => {
    fx.stock.levels = seedItems();
    await fx.sesStandIn.stop();
    try {
      const error = (await run().catch((e: unknown) => e)) as ServiceError;
      expect(error.getStatus()).toBe(502);
      expect(error.message).toMatch(
        /^The low-stock digest could not be sent now \(.+\); try again later$/,
      );
      expect(await fx.db.query('SELECT status FROM digest_runs')).toEqual([{ status: 'failed' }]);
      expect(await fx.emailLog()).toEqual([
        expect.objectContaining({ kind: 'digest', status: 'failed', subject: SEED_SAMPLE_SUBJECT }),
      ]);
    } finally {
      await fx.sesStandIn.start();
    }
    // A failed run is not today's digest: the next run (not forced) sends it.
    expect((await run()).status).toBe('sent');
    expect(await fx.sentMail()).toHaveLength(1);
  });

  it('runs from the command line, printing what it found and sent', async () => {
    fx.stock.levels = seedItems();
    // The service's own environment, as an operator on its machine would have it.
    const env = fx.env;
    const out = output();
    expect(await runDigestCli([], env, out, output())).toBe(0);
    expect(out.text()).toBe(
      [
        `Low-stock check for ${dayIn('UTC')} (UTC)`,
        'Found 2 items at or below the reorder level:',
        '- ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10)',
        '- 9V Battery (SKU: PWR-BAT-9V): 6 units (Min: 12)',
        `Sent "Low Stock Alert - 2 Items Need Restocking" to stores@inventory.test, lab@inventory.test (SES message id ${(await fx.sentMail())[0].messageId}).`,
        '',
      ].join('\n'),
    );

    const again = output();
    expect(await runDigestCli([], env, again, output())).toBe(0);
    expect(again.text()).toMatch(
      /Today's digest already went out at .*: nothing sent\. Use --force/,
    );
    expect(await fx.sentMail()).toHaveLength(1);

    const forced = output();
    expect(await runDigestCli(['--force'], env, forced, output())).toBe(0);
    expect(forced.text()).toContain('Sent "Low Stock Alert - 2 Items Need Restocking"');
    expect(await fx.sentMail()).toHaveLength(2);

    const wrong = output();
    expect(await runDigestCli(['--forse'], env, output(), wrong)).toBe(2);
    expect(wrong.text()).toContain('unknown option --forse');
  });

  it('runs on its schedule, and only once a day however often the schedule fires', async () => {
    fx.stock.levels = seedItems();
    // Every second, so the test need not wait for 09:00.
    await fx.start({
      env: {
        PUBLIC_URL: 'http://your-server-url/admin',
        DIGEST_ENABLED: 'true',
        DIGEST_CRON: '* * * * * *',
      },
    });
    try {
      await eventually('the scheduled digest', async () => (await fx.sentMail()).length === 1);
      await sleep(3000);
      expect(await fx.sentMail()).toHaveLength(1);
      const runs: { trigger: string; status: string }[] = await fx.db.query(
        'SELECT trigger, status FROM digest_runs ORDER BY started_at',
      );
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs[0]).toEqual({ trigger: 'schedule', status: 'sent' });
      expect(runs.slice(1).every((r) => r.status === 'already_sent')).toBe(true);
    } finally {
      await fx.start({ env: { PUBLIC_URL: 'http://your-server-url/admin' } });
    }
  });
});
