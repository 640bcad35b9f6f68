import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appScript,
  freeStackPortEnv,
  isAlive,
  repoPath,
  STACK_NODE_FLAGS,
  waitUntilGone,
} from '@inventory/local-stack';
import type { RecordMovementResult } from '@inventory/contracts';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { crossingsIn, eventually } from './support';

const PRODUCTS = 12;
const REORDER_LEVEL = 10;
/** Movements while mail flows, then with the notification service paused, killed midway. */
const MOVEMENTS_BEFORE = 80;
const MOVEMENTS_PAUSED = 1500;
/**
 * Movements of the paused stream after which everything is killed (the rest are in flight),
 * once at least PAUSED_CROSSINGS of them crossed a threshold: the random stream decides how
 * many do, the kill waits for the count rather than hoping for it.
 */
const KILL_AFTER = 350;
const PAUSED_CROSSINGS = 30;
const CLIENTS = 8;
const SKU_PREFIX = 'KILL-';

interface Product {
  id: string;
  sku: string;
  name: string;
}

/** `npm start` in a process of its own (and a process group of its own) on `env`'s DATA_DIR. */
class NpmStart {
  private output = '';
  readonly child: ChildProcess;
  private readonly exited: Promise<unknown>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(
      process.execPath,
      [...STACK_NODE_FLAGS, repoPath('tools/local-stack/dist/main.js')],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    for (const stream of [this.child.stdout!, this.child.stderr!]) {
      stream.on('data', (chunk: Buffer) => (this.output = (this.output + chunk).slice(-20_000)));
    }
  }

  async up(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const failed = (reason: string) =>
      new Error(`npm start ${reason}\n--- npm start ---\n${this.output.slice(-4000)}`);
    await Promise.race([
      this.exited.then(() => {
        throw failed('exited before the system was up');
      }),
      new Promise<void>((resolve, reject) => {
        const look = () => {
          if (this.output.includes('Electronic Inventory is up')) return resolve();
          timer = setTimeout(look, 100);
        };
        look();
        setTimeout(() => reject(failed('did not say the system is up in 240 s')), 240_000).unref();
      }),
    ]).finally(() => clearTimeout(timer));
  }

  /** Ctrl-C, as a person stops it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGINT');
    await this.exited;
  }
}

/** Every process below `root` (the apps, embedded Postgres and its backends), from /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone already
    }
  }
  const found: number[] = [];
  const walk = (pid: number) =>
    (parents.get(pid) ?? []).forEach((child) => {
      found.push(child);
      walk(child);
    });
  walk(root);
  return found;
}

function processGroup(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * One box, nothing lost: `npm start`, a stream of movements with many low-stock crossings and
 * catalog changes, the notification service paused so that events wait in the queue (as when
 * mail falls behind), then `kill -9` of every process of the stack at once: the stack's own
 * process (which hosts the SQS and SES stand-ins), the four apps, embedded Postgres. The next
 * `npm start` on the same data folder delivers every committed crossing's email exactly once,
 * and every catalog event takes effect exactly once.
 */
describe('kill -9 of the whole stack', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let stack: NpmStart | undefined;
  let db: Client | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inventory-kill-'));
    chmodSync(dataDir, 0o755); // embedded Postgres runs as the postgres user
    env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(await freeStackPortEnv()) };
    // What `npm start` uses when nothing is given: embedded Postgres, its own stand-ins, TCP.
    for (const name of Object.keys(env)) {
      if (/^(DATABASE_URL|NATS_URL|QUEUE_PREFIX|NODE_OPTIONS|AWS_ENDPOINT_URL.*)$/.test(name)) {
        delete env[name];
      }
    }
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const connect = async () => {
    await db?.end().catch(() => undefined);
    db = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/inventory`,
    });
    db.on('error', () => undefined); // it is killed on purpose
    await db.connect();
    return db;
  };

  it('delivers every committed crossing once and applies every catalog event once after a kill -9 of every process', async () => {
    const api = `http://127.0.0.1:${env.PORT}/api/v1`;
    const mailUrl = `http://127.0.0.1:${env.SES_PORT}/store`;
    stack = new NpmStart(env);
    await stack.up();
    const admin = new ApiClient(api);
    await admin.login('admin@inventory.local', 'change-me-inventory-admin');
    await connect();

    const products: Product[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const product = expectStatus(
        await admin.post<Product>('/products', {
          sku: `${SKU_PREFIX}${i}`,
          name: `Kill part ${i}`,
        }),
        201,
      );
      products.push(product);
      expectStatus(
        await admin.post('/stock/movements', {
          productId: product.id,
          type: 'receive',
          quantity: 30,
        }),
        201,
      );
      expectStatus(
        await admin.put(`/products/${product.id}/reorder-level`, { reorderLevel: REORDER_LEVEL }),
        200,
      );
    }

    let killed = false;
    let movements = 0;
    /** Crossings the answered movements reported (low or out), counted as they arrive. */
    let answeredCrossings = 0;
    const movement = async () => {
      const product = products[Math.floor(Math.random() * products.length)];
      const body =
        Math.random() < 0.55
          ? { productId: product.id, type: 'issue', quantity: 1 + Math.floor(Math.random() * 25) }
          : {
              productId: product.id,
              type: 'receive',
              quantity: 1 + Math.floor(Math.random() * 20),
            };
      const answer = await admin.request('POST', '/stock/movements', body, {
        'idempotency-key': randomUUID(),
      });
      if (answer.status !== 201 && answer.status !== 409) {
        throw new Error(`movement refused: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      if (answer.status === 201) {
        const { movement: moved } = answer.body as RecordMovementResult;
        const { low, out } = crossingsIn(
          [{ delta: moved.delta, quantity_after: moved.quantityAfter }],
          REORDER_LEVEL,
        );
        answeredCrossings += low + out;
      }
    };
    /** `count` movements from CLIENTS clients; after the kill, unanswered ones just stop. */
    const stream = async (count: number, onEach: (done: number) => void = () => undefined) => {
      let next = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < count && !killed) {
            next++;
            try {
              await movement();
            } catch (error) {
              if (killed) return;
              throw error;
            }
            movements++;
            onEach(++done);
          }
        }),
      );
    };

    const alertCounts = async () => {
      const { rows } = await db!.query<{ product_id: string; kind: string; n: number }>(
        `SELECT product_id, kind, count(*)::int AS n FROM notification.email_log
          WHERE status = 'sent' AND kind IN ('low_stock', 'out_of_stock')
            AND product_id = ANY($1::uuid[])
          GROUP BY product_id, kind`,
        [products.map((p) => p.id)],
      );
      return rows;
    };
    const expectedCrossings = async () => {
      const { rows } = await db!.query<{
        product_id: string;
        delta: number;
        quantity_after: number;
      }>(
        `SELECT product_id, delta, quantity_after FROM stock.stock_movements
          WHERE product_id = ANY($1::uuid[]) ORDER BY seq`,
        [products.map((p) => p.id)],
      );
      return new Map(
        products.map((p) => [
          p.id,
          crossingsIn(
            rows.filter((r) => r.product_id === p.id),
            REORDER_LEVEL,
          ),
        ]),
      );
    };
    const compare = async () => {
      const expected = await expectedCrossings();
      const sent = await alertCounts();
      let crossings = 0;
      let emails = 0;
      let duplicates = 0;
      let missing = 0;
      for (const [productId, { low, out }] of expected) {
        for (const [kind, want] of [
          ['low_stock', low],
          ['out_of_stock', out],
        ] as const) {
          const got = sent.find((r) => r.product_id === productId && r.kind === kind)?.n ?? 0;
          crossings += want;
          emails += got;
          duplicates += Math.max(0, got - want);
          missing += Math.max(0, want - got);
        }
      }
      return { crossings, emails, duplicates, missing };
    };
    const subjectsOnMailPage = async () =>
      ((await (await fetch(mailUrl)).json()) as { emails: { subject: string }[] }).emails
        .map((e) => e.subject)
        .filter((s) => products.some((p) => s.includes(`(SKU: ${p.sku})`)));

    // 1. Mail flows: these alerts are sent (and listed on the mail page) before the kill.
    await stream(MOVEMENTS_BEFORE);
    await eventually(
      'the first alerts sent',
      async () => {
        const now = await compare();
        return now.crossings > 0 && now.missing === 0;
      },
      60_000,
    );
    const crossingsBeforePause = (await compare()).crossings;
    const mailBefore = await subjectsOnMailPage();
    expect(mailBefore.length).toBeGreaterThan(0);

    // The catalog events so far have all taken effect: the count to compare with afterwards.
    const catalogProcessed = async () =>
      (
        await db!.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM stock.processed_messages WHERE consumer = 'stock.copy-catalog-product'`,
        )
      ).rows[0].n;
    let before = -1;
    await eventually(
      'the catalog events of the set-up applied',
      async () => {
        const { rows } = await db!.query(
          `SELECT 1 FROM stock.stock_items WHERE product_id = ANY($1::uuid[]) AND catalog_event_at IS NOT NULL`,
          [products.map((p) => p.id)],
        );
        const now = await catalogProcessed();
        const settled = rows.length === PRODUCTS && now === before;
        before = now;
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 500));
        return settled;
      },
      60_000,
    );
    const processedBefore = before;

    // 2. The notification service paused (SIGSTOP: alive, holding what it received), a
    // stream of movements and catalog changes, and at KILL_AFTER movements every process of
    // the stack killed at once, requests still in flight.
    const stackPid = stack.child.pid!;
    const tree = descendants(stackPid);
    const notification = tree.find((pid) =>
      commandLine(pid).includes(appScript('notification', 'main')),
    );
    expect(notification).toBeDefined();
    process.kill(notification!, 'SIGSTOP');

    const created: string[] = [];
    const renames = new Map<string, number>();
    const catalogChanges = (async () => {
      for (let i = 0; !killed; i++) {
        try {
          if (i % 2 === 0) {
            const sku = `${SKU_PREFIX}NEW-${i}`;
            created.push(sku);
            await admin.post('/products', { sku, name: `New kill part ${i}` });
          } else {
            // Renamed to v1, v2, …: a product's name says how many renames were committed.
            const product = products[i % PRODUCTS];
            const version = (renames.get(product.id) ?? 0) + 1;
            const answer = await admin.patch(`/products/${product.id}`, {
              name: `Kill part v${version}`,
            });
            if (answer.status === 200) renames.set(product.id, version);
          }
        } catch (error) {
          if (!killed) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const everything = () => {
      const pids = [stackPid, ...descendants(stackPid)];
      const groups = new Set(pids.map(processGroup).filter((g): g is number => !!g));
      return { pids, groups };
    };
    let killedPids: number[] = [];
    const crossingsAtPause = answeredCrossings;
    await stream(MOVEMENTS_PAUSED, (done) => {
      if (done < KILL_AFTER || killed) return;
      if (answeredCrossings - crossingsAtPause < PAUSED_CROSSINGS) return;
      const { pids, groups } = everything();
      for (const group of groups) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {
          // a group of one that is gone
        }
      }
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone with its group
        }
      }
      killed = true;
      killedPids = pids;
    });
    await catalogChanges;
    expect(killed).toBe(true);
    // Postgres, the four apps, the stack's process, Postgres's own processes.
    expect(killedPids.length).toBeGreaterThanOrEqual(6);
    for (const pid of killedPids) expect(await waitUntilGone(pid, 10_000)).toBe(true);
    await db!.end().catch(() => undefined);
    db = undefined;

    // 3. npm start again on the same data folder.
    stack = new NpmStart(env);
    await stack.up();
    await connect();
    await admin.login('admin@inventory.local', 'change-me-inventory-admin');

    let counts = await compare();
    await eventually(
      'one email per committed crossing',
      async () => {
        counts = await compare();
        return counts.missing === 0;
      },
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(counts)}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 5000)); // anything doubled comes right behind
    counts = await compare();

    // Catalog events: every committed creation and rename took effect in the stock
    // service's copy, once (each event id is recorded once with its effect).
    const { rows: catalog } = await db!.query<{ id: string; sku: string; name: string }>(
      `SELECT id, sku, name FROM catalog.products WHERE sku LIKE $1`,
      [`${SKU_PREFIX}%`],
    );
    const committedRenames = catalog
      .map((row) => Number(/^Kill part v(\d+)$/.exec(row.name)?.[1] ?? 0))
      .reduce((a, b) => a + b, 0);
    const committedCreations = catalog.filter((row) => row.sku.includes('NEW-')).length;
    const committedCatalogEvents = committedCreations + committedRenames;
    let applied = 0;
    await eventually(
      'every committed catalog event applied',
      async () => {
        applied = (await catalogProcessed()) - processedBefore;
        const { rows: copies } = await db!.query<{ product_id: string; name: string }>(
          `SELECT product_id, name FROM stock.stock_items WHERE product_id = ANY($1::uuid[])`,
          [catalog.map((row) => row.id)],
        );
        const copied = catalog.every((row) =>
          copies.some((copy) => copy.product_id === row.id && copy.name === row.name),
        );
        return copied && applied >= committedCatalogEvents;
      },
      120_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    applied = (await catalogProcessed()) - processedBefore;

    // The mail page lists the mail sent before the kill, and everything sent since.
    const mailAfter = await subjectsOnMailPage();
    const report = {
      movements,
      crossings: counts.crossings,
      crossingsWhilePaused: counts.crossings - crossingsBeforePause,
      emails: counts.emails,
      duplicates: counts.duplicates,
      missing: counts.missing,
      catalogEvents: committedCatalogEvents,
      catalogEventsApplied: applied,
      mailPageBeforeKill: mailBefore.length,
      mailPageAfterRestart: mailAfter.length,
      processesKilled: killedPids.length,
    };
    console.log(`kill -9 of the whole stack: ${JSON.stringify(report)}`);

    expect(counts.crossings - crossingsBeforePause).toBeGreaterThanOrEqual(PAUSED_CROSSINGS);
    expect(counts.duplicates).toBe(0);
    expect(counts.missing).toBe(0);
    expect(committedCatalogEvents).toBeGreaterThan(0);
    expect(applied).toBe(committedCatalogEvents);
    for (const subject of mailBefore) expect(mailAfter).toContain(subject);
    expect(mailAfter).toHaveLength(counts.emails);
    expect(isAlive(stackPid)).toBe(false);
  }, 900_000);
});
