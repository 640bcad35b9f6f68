import { DataSource } from 'typeorm';
import { ADMIN, startGateway, type TestGateway } from './support';

/**
 * The gateway's own audit trail (users, sign-in and sign-out) and GET /audit: an entry is
 * written in the transaction of the change, so a change that fails leaves none.
 */
describe('audit trail of people and sessions (HTTP, real Postgres)', () => {
  let gw: TestGateway;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    gw = await startGateway();
    admin = (await gw.login(ADMIN.email, ADMIN.password)).token;
    db = gw.app.get(DataSource);
  });

  afterAll(async () => {
    await gw?.close();
  });

  const entries = async (userId: string) =>
    (
      await gw.request('GET', `/api/v1/audit?entityType=user&entityId=${userId}&pageSize=50`, {
        token: admin,
      })
    ).body.items as {
      action: string;
      actor: { userId: string | null; email: string | null; role: string | null };
      changes: { field: string; from: unknown; to: unknown }[];
      correlationId: string;
      origin: string;
      summary: string;
    }[];

  it('names the boot as the actor that created the first admin', async () => {
    const [first] = await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    const [created] = (await entries(first.id)).filter((e) => e.action === 'user.created');
    expect(created).toMatchObject({
      actor: { userId: null, email: 'system:bootstrap', role: 'system' },
      origin: 'system',
    });
  });

  it('records adding a user and changing their role once each, with who, from where and which request', async () => {
    const [me] = await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    const created = await gw.request('POST', '/api/v1/users', {
      token: admin,
      headers: { 'X-Request-Id': 'audit-add-ada', 'X-Inventory-Client': 'console' },
      body: {
        email: 'ada@lab.example',
        displayName: 'Ada',
        role: 'staff',
        password: 'analytical engine 1843',
      },
    });
    expect(created.status).toBe(201);
    const ada = created.body.id as string;
    await gw.request('PATCH', `/api/v1/users/${ada}`, {
      token: admin,
      headers: { 'X-Request-Id': 'audit-promote-ada' },
      body: { role: 'admin' },
    });

    const list = await entries(ada);
    expect(list.map((e) => [e.action, e.correlationId, e.origin])).toEqual([
      ['user.role_changed', 'audit-promote-ada', 'api'],
      ['user.created', 'audit-add-ada', 'console'],
    ]);
    expect(list[0]).toMatchObject({
      actor: { userId: me.id, email: ADMIN.email, role: 'admin' },
      summary: 'ada@lab.example: role staff → admin',
      changes: [{ field: 'role', from: 'staff', to: 'admin' }],
    });
    // The password is nowhere in the trail, not even hashed.
    const rows = await db.query(`SELECT row_to_json(a)::text AS row FROM audit_entries a`);
    expect(rows.map((r: { row: string }) => r.row).join('\n')).not.toMatch(
      /analytical engine|argon2|password_hash/,
    );
  });

  it('records nothing when a change is refused (409, 400) or rolled back at commit', async () => {
    const [me] = await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    const staff = await gw.createUser('staff', 'audit-refused');
    const before = Number((await db.query(`SELECT count(*) AS n FROM audit_entries`))[0].n);

    const clash = await gw.request('POST', '/api/v1/users', {
      token: admin,
      body: { email: staff.email, displayName: 'Again', role: 'staff', password: staff.password },
    });
    expect(clash.status).toBe(409);
    const wrongPassword = await gw.request('POST', '/api/v1/me/password', {
      token: staff.token,
      body: { currentPassword: 'not it at all', newPassword: 'a brand new passphrase 7' },
    });
    expect(wrongPassword.status).toBe(400);
    // Demoting the only other admin would be fine; demoting the last one is not. Ada (admin
    // above) and the first admin exist, so deactivate Ada first, then try the first admin.
    const ada = (await db.query(`SELECT id FROM users WHERE email = 'ada@lab.example'`))[0];
    await gw.request('PATCH', `/api/v1/users/${ada.id}`, { token: admin, body: { role: 'staff' } });
    const afterDemotion = Number((await db.query(`SELECT count(*) AS n FROM audit_entries`))[0].n);
    expect(afterDemotion).toBe(before + 1);
    const lastAdmin = await gw.request('PATCH', `/api/v1/users/${me.id}`, {
      token: admin,
      body: { role: 'staff' },
    });
    expect(lastAdmin.status).toBe(409);
    expect(Number((await db.query(`SELECT count(*) AS n FROM audit_entries`))[0].n)).toBe(
      afterDemotion,
    );

    // A check that fails at COMMIT, after the user row and the entry were written.
    await db.query(`
      CREATE FUNCTION gateway.refuse_rollback_me() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.display_name = 'Rollback me' THEN RAISE EXCEPTION 'forced rollback'; END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER refuse_rollback_me AFTER UPDATE ON gateway.users
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gateway.refuse_rollback_me()`);
    try {
      const rolledBack = await gw.request('PATCH', `/api/v1/users/${staff.id}`, {
        token: admin,
        body: { displayName: 'Rollback me' },
      });
      expect(rolledBack.status).toBe(500);
    } finally {
      await db.query(`DROP TRIGGER refuse_rollback_me ON gateway.users`);
      await db.query(`DROP FUNCTION gateway.refuse_rollback_me()`);
    }
    expect(Number((await db.query(`SELECT count(*) AS n FROM audit_entries`))[0].n)).toBe(
      afterDemotion,
    );
  });

  it('records sign-in, password change and sign-out as the user, never the password', async () => {
    const staff = await gw.createUser('staff', 'audit-session');
    const changed = await gw.request('POST', '/api/v1/me/password', {
      token: staff.token,
      body: { currentPassword: staff.password, newPassword: 'a brand new passphrase 7' },
    });
    expect(changed.status).toBe(204);
    const out = await gw.request('POST', '/api/v1/auth/logout', { token: staff.token });
    expect(out.status).toBe(204);

    const list = await entries(staff.id);
    expect(list.map((e) => e.action)).toEqual([
      'user.signed_out',
      'user.password_changed',
      'user.signed_in',
      'user.created',
    ]);
    for (const entry of list.slice(0, 3)) {
      expect(entry.actor).toEqual({ userId: staff.id, email: staff.email, role: 'staff' });
    }
    expect(list[1].changes).toEqual([]);
  });

  it('shows staff only their own entries, whatever actorId they ask for', async () => {
    const staff = await gw.createUser('staff', 'audit-own');
    const [me] = await db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email]);
    const answer = await gw.request('GET', `/api/v1/audit?action=user.&actorId=${me.id}`, {
      token: staff.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeGreaterThan(0);
    expect(
      answer.body.items.every((e: { actor: { userId: string } }) => e.actor.userId === staff.id),
    ).toBe(true);

    const adminView = await gw.request('GET', `/api/v1/audit?action=user.&actorId=${me.id}`, {
      token: admin,
    });
    expect(adminView.body.items.length).toBeGreaterThan(0);
    expect(
      adminView.body.items.every((e: { actor: { userId: string } }) => e.actor.userId === me.id),
    ).toBe(true);
  });

  it('pages newest first and refuses a bad filter naming the field', async () => {
    const first = await gw.request('GET', '/api/v1/audit?action=user.&pageSize=2', {
      token: admin,
    });
    const second = await gw.request('GET', '/api/v1/audit?action=user.&pageSize=2&page=2', {
      token: admin,
    });
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    const times = [...first.body.items, ...second.body.items].map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const bad = await gw.request('GET', '/api/v1/audit?actorId=someone&from=yesterday', {
      token: admin,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'actorId',
      'from',
    ]);
  });
});
