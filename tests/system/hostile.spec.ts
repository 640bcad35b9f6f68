import { createHmac, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient, expectStatus } from './api-client';
import { snapshotDatabase } from './db-snapshot';
import {
  attacks,
  HOSTILE_STRINGS,
  operations,
  type AttackRequest,
  type Credential,
  type OpenApiDocument,
} from './hostile/openapi-attacks';
import { eventually, startTestStack, type TestStack } from './support';

interface Answer {
  label: string;
  status: number;
  body: unknown;
}

/** A JWT signed with `secret`, carrying `claims` (HS256, as the gateway signs). */
function jwt(claims: Record<string, unknown>, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Hostile input, generated from the gateway's own OpenAPI document for every route: every
 * answer is a 4xx in the one error shape, never a 5xx, no process dies, and the database is
 * exactly as it was.
 */
describe('hostile input against every route', () => {
  let stack: TestStack;
  let document: OpenApiDocument;
  const tokens = {} as Record<Credential, string | undefined>;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    const admin = new ApiClient(stack.urls.api);
    await admin.login(stack.admin.email, stack.admin.password);
    const staffPassword = `Workbench-${randomUUID()}`;
    expectStatus(
      await admin.post('/users', {
        email: 'staff@inventory.test',
        displayName: 'Staff',
        role: 'staff',
        password: staffPassword,
      }),
      201,
    );
    const staff = new ApiClient(stack.urls.api);
    await staff.login('staff@inventory.test', staffPassword);
    const claims = JSON.parse(
      Buffer.from(admin.accessToken!.split('.')[1], 'base64url').toString(),
    ) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    tokens.none = undefined;
    tokens.malformed = 'not.a.jwt';
    tokens.expired = jwt(
      { ...claims, iat: now - 7200, exp: now - 3600 },
      String(stack.appEnv.JWT_SECRET),
    );
    tokens.forged = jwt(
      { ...claims, role: 'admin', exp: now + 3600 },
      'someone-elses-secret-0123456789abcdef',
    );
    tokens.staff = staff.accessToken;
    tokens.admin = admin.accessToken;
    document = (await (
      await fetch(`${stack.urls.api.replace('/api/v1', '')}/api/docs-json`)
    ).json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** No event still on its way: every outbox empty, so background work cannot change rows. */
  async function quiet(): Promise<void> {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await eventually(
        'every outbox to be empty',
        async () => {
          const { rows } = await db.query<{ pending: number }>(
            `SELECT (SELECT count(*) FROM gateway.outbox) + (SELECT count(*) FROM catalog.outbox)
                  + (SELECT count(*) FROM stock.outbox) AS pending`,
          );
          return Number(rows[0].pending) === 0;
        },
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await db.end();
    }
  }

  async function send(request: AttackRequest): Promise<Answer> {
    const url = new URL(`${stack.urls.api.replace('/api/v1', '')}${request.path}`);
    for (const [key, value] of Object.entries(request.query)) url.searchParams.set(key, value);
    const token = request.credential === 'none' ? undefined : tokens[request.credential];
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.rawBody !== undefined) {
      body = request.rawBody;
      headers['content-type'] = request.contentType ?? 'application/json';
    } else if (
      request.body !== undefined &&
      request.method !== 'GET' &&
      request.method !== 'DELETE'
    ) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(url, { method: request.method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // reported below as not the error shape
    }
    return { label: request.label, status: response.status, body: parsed };
  }

  it('refuses at least 1,000 generated bad requests with a 4xx in the error shape, and changes nothing', async () => {
    const ops = operations(document);
    const requests: AttackRequest[] = ops.flatMap((op) => attacks(document, op));
    // Staff against every admin-only route, with hostile bodies: refused.
    const adminOnly = ops.filter((o) => o.operation['x-access'] === 'admin');
    expect(adminOnly.length).toBeGreaterThan(10);
    for (const op of adminOnly) {
      requests.push({
        method: op.method,
        path: op.template.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
        query: {},
        credential: 'staff',
        body: op.bodySchema ? { unexpectedField: HOSTILE_STRINGS[0] } : undefined,
        label: `${op.method} ${op.template}: staff with a hostile body`,
      });
    }
    // CSV import: hostile files are refused as a whole (no ?partial), nothing imported.
    for (const csv of [
      'not,a,product,file\n1,2,3,4',
      `sku,name,unitCost\n"${HOSTILE_STRINGS[0]}","=HYPERLINK(""http://evil"")",-1\nOK-1,Fine,abc`,
      `sku,name\n${'X'.repeat(200)},${HOSTILE_STRINGS[1]}\n,missing sku`,
      '\u0000\u0001\u0002',
    ]) {
      requests.push({
        method: 'POST',
        path: '/api/v1/products/import',
        query: {},
        credential: 'admin',
        rawBody: csv,
        contentType: 'text/csv',
        label: `POST /api/v1/products/import: hostile CSV ${JSON.stringify(csv).slice(0, 30)}`,
      });
    }
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(ops.map((o) => `${o.method} ${o.template}`)).size).toBeGreaterThan(30);

    await quiet();
    const before = await snapshotDatabase(stack.databaseUrl);
    const pids = Object.fromEntries(
      Object.entries(stack.apps).map(([name, app]) => [name, app.pid]),
    );

    const answers: Answer[] = [];
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let request = queue.shift(); request; request = queue.shift())
          answers.push(await send(request));
      }),
    );

    const wrong = answers.filter((answer) => {
      const body = answer.body as Record<string, unknown> | undefined;
      const errorShape =
        typeof body === 'object' &&
        body !== null &&
        body.statusCode === answer.status &&
        typeof body.error === 'string' &&
        typeof body.message === 'string' &&
        typeof body.correlationId === 'string';
      return answer.status < 400 || answer.status >= 500 || !errorShape;
    });
    expect(
      wrong.map((a) => `${a.label} → ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`),
    ).toEqual([]);

    // Every process still up (the same ones), and the whole system healthy.
    expect(Object.values(stack.apps).every((app) => app.running)).toBe(true);
    expect(
      Object.fromEntries(Object.entries(stack.apps).map(([name, app]) => [name, app.pid])),
    ).toEqual(pids);
    expect((await fetch(stack.urls.health)).status).toBe(200);

    await quiet();
    expect(await snapshotDatabase(stack.databaseUrl)).toEqual(before);

    const statuses = answers.reduce<Record<number, number>>(
      (count, a) => ({ ...count, [a.status]: (count[a.status] ?? 0) + 1 }),
      {},
    );
    process.stdout.write(
      `hostile requests: ${answers.length}; answers by status: ${JSON.stringify(statuses)}\n`,
    );
  }, 600_000);
});
