import { Client } from 'pg';
import { ADMIN, expectErrorShape, startGateway, type TestGateway } from './support';

/** Ends a user's sessions with the triggers off (a replica-role session): no gateway is told. */
async function endSessionsWithoutNotify(databaseUrl: string, userId: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SET session_replication_role = replica`);
    await db.query(`UPDATE gateway.sessions SET revoked_at = now() WHERE user_id = $1`, [userId]);
  } finally {
    await db.end();
  }
}

/**
 * Two gateway instances on one database, as behind a load balancer. Each keeps the session
 * checks it made in memory; a logout, deactivation, demotion or password change made through
 * one must be refused by the other on the very next request (no wait in between).
 */
describe('session checks across gateway instances (real Postgres, LISTEN/NOTIFY)', () => {
  let a: TestGateway;
  let b: TestGateway;
  let admin: string;

  beforeAll(async () => {
    a = await startGateway();
    b = await startGateway({ reuse: a });
    admin = (await a.login(ADMIN.email, ADMIN.password)).token;
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A request through `b` that succeeds, so `b` has the session cached. */
  async function warm(token: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      expect((await b.request('GET', '/api/v1/me', { token })).status).toBe(200);
    }
  }

  it('a logout through one instance is refused by the other at once, every time', async () => {
    const user = await a.createUser('staff', 'counter');
    for (let round = 0; round < 20; round++) {
      const { token } = await a.login(user.email, user.password);
      await warm(token);
      const out = await a.request('POST', '/api/v1/auth/logout', { token });
      expect(out.status).toBe(204);
      const after = await b.request('GET', '/api/v1/me', { token });
      expectErrorShape(after, 401);
      expect(after.body.message).toBe('This session has ended: sign in again');
    }
  });

  it('deactivation through one instance ends every session of the user on the other at once', async () => {
    const user = await a.createUser('staff', 'leaver');
    const second = await a.login(user.email, user.password);
    await warm(user.token);
    await warm(second.token);
    const off = await a.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expectErrorShape(await b.request('GET', '/api/v1/me', { token: user.token }), 401);
    expectErrorShape(await b.request('GET', '/api/v1/me', { token: second.token }), 401);
  });

  it('a demotion through one instance takes the admin routes away on the other at once', async () => {
    const user = await a.createUser('admin', 'boss');
    expect((await b.request('GET', '/api/v1/users', { token: user.token })).status).toBe(200);
    expect((await b.request('GET', '/api/v1/users', { token: user.token })).status).toBe(200);
    const demoted = await a.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { role: 'staff' },
    });
    expect(demoted.status).toBe(200);
    expectErrorShape(await b.request('GET', '/api/v1/users', { token: user.token }), 403);
    const me = await b.request('GET', '/api/v1/me', { token: user.token });
    expect(me.body.role).toBe('staff');
  });

  it('a password change through one instance ends the other sessions on the other at once', async () => {
    const user = await a.createUser('staff', 'careful');
    const elsewhere = await a.login(user.email, user.password);
    await warm(elsewhere.token);
    await warm(user.token);
    const changed = await a.request('POST', '/api/v1/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: 'a brand new long secret 7' },
    });
    expect(changed.status).toBeLessThan(300);
    expectErrorShape(await b.request('GET', '/api/v1/me', { token: elsewhere.token }), 401);
    // The session that changed the password stays open.
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
  });

  it('serves a checked session from memory: a change made without NOTIFY is not seen until the entry ages out', async () => {
    const user = await a.createUser('staff', 'quiet');
    await warm(user.token);
    await endSessionsWithoutNotify(a.config.DATABASE_URL, user.id);
    expect((await b.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    // `a` never checked this token: it reads Postgres and refuses it.
    expectErrorShape(await a.request('GET', '/api/v1/me', { token: user.token }), 401);
  });
});

describe('session checks with the cache turned off (SESSION_CACHE_MAX_AGE_SECONDS=0)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({ env: { SESSION_CACHE_MAX_AGE_SECONDS: '0' } });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('reads Postgres on every request, so even a change made without NOTIFY is seen at once', async () => {
    const user = await gw.createUser('staff', 'uncached');
    expect((await gw.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
    await endSessionsWithoutNotify(gw.config.DATABASE_URL, user.id);
    expectErrorShape(await gw.request('GET', '/api/v1/me', { token: user.token }), 401);
  });
});
