/**
 * `npm run bench:idle`: what the local stack costs while nobody uses it, and whether the
 * process hosting the S3, SQS and SES stand-ins stays bounded under load.
 *
 * Starts `npm start`'s program (tools/local-stack/dist/main.js) with free ports, its own
 * data folder and its own embedded Postgres, lets it settle, then samples every process of
 * the stack from /proc for BENCH_IDLE_SECONDS (10): CPU ticks (utime + stime, 100 per second
 * of one core) and resident memory. Then a load: BENCH_IDLE_EMAILS (3,000) emails of about
 * 11 KB (HTML and text) sent to the SES stand-in, BENCH_IDLE_SIGN_INS (8) sign-ins at once
 * to the gateway, and BENCH_IDLE_MESSAGES (5,000) SQS messages sent, received and deleted on a
 * scratch queue, as the notification service's traffic would be, and the same sampling
 * again, BENCH_IDLE_ROUNDS (2) times: a bounded process ends each round at about the same
 * size. Goals: whole idle stack ≤ 1 % of a core; each app and the stand-ins' process
 * ≤ 150 MiB idle, and bounded after the load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  childrenOf,
  DEFAULT_ADMIN,
  freeStackPortEnv,
  repoPath,
  residentKiB,
  STACK_NODE_FLAGS,
} from '@inventory/local-stack';

const SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const EMAILS = Number(process.env.BENCH_IDLE_EMAILS ?? 3000);
const MESSAGES = Number(process.env.BENCH_IDLE_MESSAGES ?? 5000);
const SIGN_INS = Number(process.env.BENCH_IDLE_SIGN_INS ?? 8);
const SETTLE_MS = 30_000;
const ROUNDS = Number(process.env.BENCH_IDLE_ROUNDS ?? 2);
const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
};

interface Sample {
  ticks: number;
  rssKiB: number;
}

function sample(pid: number): Sample | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), rssKiB: residentKiB(pid) ?? 0 };
  } catch {
    return undefined;
  }
}

/** The stack's processes by role: the stand-ins' host (main.js), each app, Postgres (all of it). */
function roles(stackPid: number, dataDir: string): Record<string, number[]> {
  const postmaster = Number(
    readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const result: Record<string, number[]> = { 'stand-ins (stack process)': [stackPid] };
  for (const child of childrenOf(stackPid)) {
    const cmdline = readFileSync(`/proc/${child}/cmdline`, 'utf8');
    const app = /apps\/([a-z-]+)\/dist\/main\.js/.exec(cmdline)?.[1];
    if (app) result[app] = [child];
  }
  result.postgres = [postmaster, ...childrenOf(postmaster)];
  return result;
}

async function measure(stackPid: number, dataDir: string) {
  const groups = roles(stackPid, dataDir);
  const total = (pids: number[]) =>
    pids.reduce(
      (sum, pid) => {
        const s = sample(pid);
        return s ? { ticks: sum.ticks + s.ticks, rssKiB: sum.rssKiB + s.rssKiB } : sum;
      },
      { ticks: 0, rssKiB: 0 },
    );
  const before = Object.fromEntries(
    Object.entries(groups).map(([name, pids]) => [name, total(pids)]),
  );
  await sleep(SECONDS * 1000);
  return Object.entries(groups).map(([name, pids]) => {
    const after = total(pids);
    const ticks = after.ticks - before[name].ticks;
    return { name, ticks, corePercent: ticks / SECONDS, rssMiB: after.rssKiB / 1024 };
  });
}

function print(title: string, rows: Awaited<ReturnType<typeof measure>>) {
  say(`\n${title}`);
  say(`| process | CPU ticks in ${SECONDS} s | % of one core | RSS MiB |`);
  say('|---|---:|---:|---:|');
  for (const row of rows) {
    say(
      `| ${row.name} | ${row.ticks} | ${row.corePercent.toFixed(1)} | ${row.rssMiB.toFixed(0)} |`,
    );
  }
  const ticks = rows.reduce((sum, row) => sum + row.ticks, 0);
  const rss = rows.reduce((sum, row) => sum + row.rssMiB, 0);
  say(`| whole stack | ${ticks} | ${(ticks / SECONDS).toFixed(1)} | ${rss.toFixed(0)} |`);
}

async function load(ports: Record<string, string>) {
  const ses = new SESv2Client({ ...AWS, endpoint: `http://127.0.0.1:${ports.SES_PORT}` });
  const html = `<p>${'Low stock: ESP32 DevKit (SKU: MCU-ESP-32): 8 units (Min: 10). '.repeat(90)}</p>`;
  for (let sent = 0; sent < EMAILS; sent += 20) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ses.send(
          new SendEmailCommand({
            FromEmailAddress: 'alerts@inventory.local',
            Destination: { ToAddresses: ['admin@inventory.local'] },
            Content: {
              Simple: {
                Subject: { Data: `Load ${sent + i}` },
                Body: { Html: { Data: html }, Text: { Data: html } },
              },
            },
          }),
        ),
      ),
    );
  }
  ses.destroy();
  // Sign-ins at once, as a shift starting: each hashes its password in 19 MiB (argon2id).
  const signIns = await Promise.all(
    Array.from({ length: SIGN_INS }, () =>
      fetch(`http://127.0.0.1:${ports.PORT}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(DEFAULT_ADMIN),
      }),
    ),
  );
  const refused = signIns.filter((answer) => answer.status !== 200);
  if (refused.length > 0) throw new Error(`${refused.length} of ${SIGN_INS} sign-ins failed`);
  const sqs = new SQSClient({ ...AWS, endpoint: `http://127.0.0.1:${ports.SQS_PORT}` });
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `bench-idle-load` }));
  const body = JSON.stringify({ payload: 'x'.repeat(1500) });
  for (let sent = 0; sent < MESSAGES; sent += 10) {
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
  }
  for (let received = 0; received < MESSAGES;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) break;
    received += Messages.length;
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
  sqs.destroy();
}

it('idle cost of the local stack', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
  chmodSync(dataDir, 0o755);
  const ports = await freeStackPortEnv();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    ...ports,
    // Every round signs in BENCH_IDLE_SIGN_INS times from this one address.
    AUTH_RATE_LIMIT: String(SIGN_INS * (ROUNDS + 1)),
  };
  delete env.DATABASE_URL; // its own embedded Postgres, as on a fresh machine
  // As `npm start` runs it (package.json), unless other flags are asked for.
  const flags = process.env.BENCH_IDLE_NODE_FLAGS?.split(' ').filter(Boolean) ?? STACK_NODE_FLAGS;
  const stack: ChildProcess = spawn(
    process.execPath,
    [...flags, repoPath('tools/local-stack/dist/main.js')],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => stack.once('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      stack.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Electronic Inventory is up')) resolve();
      });
      stack.once('exit', (code) => reject(new Error(`the stack exited with ${code}:\n${out}`)));
    });
    await sleep(SETTLE_MS);
    print('Idle, every queue empty', await measure(stack.pid!, dataDir));
    for (let round = 1; round <= ROUNDS; round++) {
      const started = Date.now();
      await load(ports);
      say(
        `\nload ${round}: ${EMAILS} emails, ${SIGN_INS} sign-ins and ${MESSAGES} SQS messages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      await sleep(5000);
      print(`Idle again after load ${round}`, await measure(stack.pid!, dataDir));
    }
  } finally {
    stack.kill('SIGINT');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
