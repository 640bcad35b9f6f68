import { NotificationRequests, Queues } from '@inventory/contracts';
import {
  ADMIN,
  expectErrorShape,
  PUBLIC_URL,
  receive,
  startGateway,
  type TestGateway,
} from './support';

describe('managing users (HTTP, real Postgres, SQS stand-in)', () => {
  let gw: TestGateway;
  let admin: string;

  beforeAll(async () => {
    gw = await startGateway();
    admin = (await gw.login(ADMIN.email, ADMIN.password)).token;
  });

  afterAll(async () => {
    await gw?.close();
  });

  const fields = (answer: { body: { details?: { field: string }[] } }) =>
    [...new Set((answer.body.details ?? []).map((d) => d.field))].sort();

  it('creates a user, who gets a welcome email with the login link and can sign in', async () => {
    const created = await gw.request('POST', '/api/v1/users', {
      token: admin,
      headers: { 'X-Request-Id': 'create-grace-1' },
      body: {
        email: 'Grace.Hopper@Lab.Example',
        displayName: '  Grace Hopper ',
        role: 'staff',
        password: 'compilers all the way',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'grace.hopper@lab.example',
      displayName: 'Grace Hopper',
      role: 'staff',
      active: true,
      createdAt: expect.any(String),
      lastLoginAt: null,
    });

    const events = await receive(gw.sqs, gw.queueUrls[Queues.NotificationRequests], (list) =>
      list.some((e) => e.correlationId === 'create-grace-1'),
    );
    const welcome = events.find((e) => e.correlationId === 'create-grace-1');
    expect(welcome).toEqual(
      expect.objectContaining({
        type: NotificationRequests.Welcome,
        source: 'gateway',
        payload: {
          userId: created.body.id,
          email: 'grace.hopper@lab.example',
          displayName: 'Grace Hopper',
          link: `${PUBLIC_URL}/login`,
          createdAt: created.body.createdAt,
        },
      }),
    );
    await gw.login('grace.hopper@lab.example', 'compilers all the way');
  });

  it('refuses a second user with the same email in another case (409)', async () => {
    const body = { displayName: 'Twin', role: 'staff', password: 'a shared secret phrase' };
    const first = await gw.request('POST', '/api/v1/users', {
      token: admin,
      body: { ...body, email: 'twin@lab.example' },
    });
    expect(first.status).toBe(201);
    const second = await gw.request('POST', '/api/v1/users', {
      token: admin,
      body: { ...body, email: 'TWIN@lab.example' },
    });
    expectErrorShape(second, 409);
    expect(second.body.message).toBe('A user with the email twin@lab.example already exists');
    expect(second.body.details).toEqual([{ field: 'email', message: 'email is already in use' }]);
  });

  it('names every offending field of an invalid request and changes nothing', async () => {
    const before = await gw.request('GET', '/api/v1/users?pageSize=100', { token: admin });
    const invalid = await gw.request('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'not-an-email', displayName: '', role: 'owner', password: 42, isRoot: true },
    });
    expectErrorShape(invalid, 400);
    expect(invalid.body.error).toBe('Bad Request');
    expect(fields(invalid)).toEqual(['displayName', 'email', 'isRoot', 'password', 'role']);
    expect(invalid.body.message).toMatch(/^Invalid request: /);
    expect(invalid.body.details).toContainEqual({
      field: 'role',
      message: 'role must be one of: admin, staff',
    });
    const after = await gw.request('GET', '/api/v1/users?pageSize=100', { token: admin });
    expect(after.body.total).toBe(before.body.total);
  });

  it('enforces the password rule with a message that names it', async () => {
    const cases: [string, string][] = [
      ['short-pass', 'at least 12 characters'],
      ['password1234', 'commonly used'],
      ['aaaaaaaaaaaaaaaa', 'commonly used'],
      ['123456789012', 'commonly used'],
      ['change-me-inventory-admin', 'commonly used'],
      ['margaret-hamilton-apollo', 'contains your email address'],
    ];
    for (const [password, rule] of cases) {
      const answer = await gw.request('POST', '/api/v1/users', {
        token: admin,
        body: { email: 'margaret-hamilton@lab.example', displayName: 'M', role: 'staff', password },
      });
      expectErrorShape(answer, 400);
      expect(answer.body.details).toEqual([
        { field: 'password', message: expect.stringContaining(rule) },
      ]);
      expect(answer.body.details[0].message).toContain(
        'at least 12 characters, not a commonly used password, and not containing the name part of your email address',
      );
    }
  });

  it('lists users a page at a time, with filters', async () => {
    for (let i = 0; i < 3; i++) await gw.createUser('staff', 'lister');
    const all = await gw.request('GET', '/api/v1/users', { token: admin });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: expect.any(Array),
      total: expect.any(Number),
      page: 1,
      pageSize: 20,
    });
    const total = all.body.total;
    expect(total).toBeGreaterThanOrEqual(4);

    const page2 = await gw.request('GET', '/api/v1/users?page=2&pageSize=2', { token: admin });
    expect(page2.body.page).toBe(2);
    expect(page2.body.pageSize).toBe(2);
    expect(page2.body.total).toBe(total);
    expect(page2.body.items.map((u: { id: string }) => u.id)).toEqual(
      all.body.items.slice(2, 4).map((u: { id: string }) => u.id),
    );
    expect(page2.body.items[0]).not.toHaveProperty('passwordHash');

    const listers = await gw.request('GET', '/api/v1/users?q=LISTER&role=staff&active=true', {
      token: admin,
    });
    expect(listers.body.total).toBe(3);
    expect(listers.body.items.every((u: { email: string }) => u.email.startsWith('lister-'))).toBe(
      true,
    );

    const bad = await gw.request('GET', '/api/v1/users?page=0&pageSize=1000&active=maybe', {
      token: admin,
    });
    expectErrorShape(bad, 400);
    expect(fields(bad)).toEqual(['active', 'page', 'pageSize']);
  });

  it('gets one user; 400 naming id for a malformed id, 404 for an unknown one', async () => {
    const user = await gw.createUser('staff', 'single');
    const found = await gw.request('GET', `/api/v1/users/${user.id}`, { token: admin });
    expect(found.status).toBe(200);
    expect(found.body.email).toBe(user.email);
    const malformed = await gw.request('GET', '/api/v1/users/42', { token: admin });
    expectErrorShape(malformed, 400);
    expect(malformed.body.details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    const unknown = await gw.request('GET', '/api/v1/users/0b0e7d0c-7a4f-4a53-9a51-3f8a3c7f0000', {
      token: admin,
    });
    expectErrorShape(unknown, 404);
  });

  it('renames and changes roles; the new role applies at once, even to tokens already handed out', async () => {
    const user = await gw.createUser('staff', 'promoted');
    expectErrorShape(await gw.request('GET', '/api/v1/users', { token: user.token }), 403);
    const promoted = await gw.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { role: 'admin', displayName: 'Promoted Person' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toEqual(
      expect.objectContaining({ role: 'admin', displayName: 'Promoted Person', active: true }),
    );
    expect((await gw.request('GET', '/api/v1/users', { token: user.token })).status).toBe(200);

    const demoted = await gw.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { role: 'staff' },
    });
    expect(demoted.status).toBe(200);
    expectErrorShape(await gw.request('GET', '/api/v1/users', { token: user.token }), 403);
  });

  it('deactivates instead of deleting: the user is refused even with a valid token, until reactivated', async () => {
    const user = await gw.createUser('staff', 'leaver');
    const off = await gw.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);

    const withToken = await gw.request('GET', '/api/v1/me', { token: user.token });
    expectErrorShape(withToken, 401);
    const login = await gw.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expectErrorShape(login, 401);
    // As for a wrong password: the answer must not confirm that the password is right.
    expect(login.body.message).toBe('Email or password is incorrect');
    expectErrorShape(
      await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: user.refreshToken },
      }),
      401,
    );

    const on = await gw.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { active: true },
    });
    expect(on.body.active).toBe(true);
    // Sessions ended by deactivation stay ended; signing in again works.
    expectErrorShape(await gw.request('GET', '/api/v1/me', { token: user.token }), 401);
    await gw.login(user.email, user.password);
  });

  it('refuses unknown fields on PATCH, and there is no DELETE', async () => {
    const user = await gw.createUser('staff', 'patched');
    const email = await gw.request('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      body: { email: 'new@lab.example' },
    });
    expectErrorShape(email, 400);
    expect(fields(email)).toEqual(['email']);
    const remove = await gw.request('DELETE', `/api/v1/users/${user.id}`, { token: admin });
    expectErrorShape(remove, 404);
  });
});

describe('the last active admin (own database: the only admin is the first one)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('cannot be demoted or deactivated (409 with a clear message), until there is another admin', async () => {
    const me = await gw.login(ADMIN.email, ADMIN.password);
    const { body: self } = await gw.request('GET', '/api/v1/me', { token: me.token });

    const demote = await gw.request('PATCH', `/api/v1/users/${self.id}`, {
      token: me.token,
      body: { role: 'staff' },
    });
    expectErrorShape(demote, 409);
    expect(demote.body.message).toBe(
      `${ADMIN.email} is the last active admin and cannot be demoted: make another user admin first`,
    );
    const deactivate = await gw.request('PATCH', `/api/v1/users/${self.id}`, {
      token: me.token,
      body: { active: false },
    });
    expectErrorShape(deactivate, 409);
    expect(deactivate.body.message).toContain('cannot be deactivated');
    // Refused means unchanged.
    expect((await gw.request('GET', '/api/v1/me', { token: me.token })).body).toEqual(
      expect.objectContaining({ role: 'admin', active: true }),
    );

    // An inactive admin does not count.
    const dormant = await gw.createUser('admin', 'dormant');
    await gw.request('PATCH', `/api/v1/users/${dormant.id}`, {
      token: me.token,
      body: { active: false },
    });
    expectErrorShape(
      await gw.request('PATCH', `/api/v1/users/${self.id}`, {
        token: me.token,
        body: { role: 'staff' },
      }),
      409,
    );

    // With another active admin, stepping down works.
    const successor = await gw.createUser('admin', 'successor');
    const handover = await gw.request('PATCH', `/api/v1/users/${self.id}`, {
      token: successor.token,
      body: { role: 'staff' },
    });
    expect(handover.status).toBe(200);
    const last = await gw.request('PATCH', `/api/v1/users/${successor.id}`, {
      token: successor.token,
      body: { active: false },
    });
    expectErrorShape(last, 409);

    // Two admins demoting each other at the same moment: exactly one succeeds.
    const other = await gw.createUser('admin', 'rival', successor.token);
    const results = await Promise.all([
      gw.request('PATCH', `/api/v1/users/${other.id}`, {
        token: successor.token,
        body: { role: 'staff' },
      }),
      gw.request('PATCH', `/api/v1/users/${successor.id}`, {
        token: other.token,
        body: { role: 'staff' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await gw.request('GET', '/api/v1/users?role=admin&active=true', {
      token: results[0].status === 200 ? successor.token : other.token,
    });
    expect(admins.body.total).toBe(1);
  });
});
