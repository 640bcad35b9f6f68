import { DEFAULT_ADMIN } from '@inventory/local-stack';
import { ConfigError, describeStartupError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { startGateway, type TestGateway } from './support';

const STRONG = 'a proper first admin secret';

async function userCount(gw: TestGateway): Promise<number> {
  const [{ count }] = await gw.app
    .get(DataSource)
    .query('SELECT count(*)::int AS count FROM users');
  return count;
}

/** Starting must fail; returns the line main.ts would print. */
async function failedStart(env: Record<string, string | undefined>): Promise<string> {
  const error = await startGateway({ env }).then(
    async (gw) => {
      await gw.close();
      throw new Error('the gateway started');
    },
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return describeStartupError(error);
}

describe('the first admin, created on start from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  const started: TestGateway[] = [];
  const start = async (env: Record<string, string | undefined>, reuse?: TestGateway) => {
    const gw = await startGateway({ env, reuse });
    started.push(gw);
    return gw;
  };

  afterEach(async () => {
    // Restarted gateways share their database with the first one: close those first.
    for (const gw of started.reverse()) await gw.close();
    started.length = 0;
  });

  it('is created when there is no user, and can sign in', async () => {
    const gw = await start({ ADMIN_EMAIL: 'Boss@Lab.Example', ADMIN_PASSWORD: STRONG });
    const { token } = await gw.login('boss@lab.example', STRONG);
    const me = await gw.request('GET', '/api/v1/me', { token });
    expect(me.body).toEqual(expect.objectContaining({ email: 'boss@lab.example', role: 'admin' }));
  });

  it('is not created again, nor changed, once users exist', async () => {
    const first = await start({ ADMIN_EMAIL: 'boss@lab.example', ADMIN_PASSWORD: STRONG });
    await first.stopApp();
    const second = await start(
      { ADMIN_EMAIL: 'other-boss@lab.example', ADMIN_PASSWORD: 'another strong secret' },
      first,
    );
    expect(await userCount(second)).toBe(1);
    await second.login('boss@lab.example', STRONG);
    expect(
      (
        await second.request('POST', '/api/v1/auth/login', {
          body: { email: 'other-boss@lab.example', password: 'another strong secret' },
        })
      ).status,
    ).toBe(401);
  });

  it('is created once when several gateways start on an empty database at the same moment', async () => {
    const first = await start({ ADMIN_EMAIL: 'boss@lab.example', ADMIN_PASSWORD: STRONG });
    await first.app.get(DataSource).query('TRUNCATE users CASCADE');
    await first.stopApp();
    const env = { ADMIN_EMAIL: 'boss@lab.example', ADMIN_PASSWORD: STRONG };
    const gateways = await Promise.all([start(env, first), start(env, first), start(env, first)]);
    expect(await userCount(gateways[0])).toBe(1);
  });

  it('is not invented when ADMIN_EMAIL / ADMIN_PASSWORD are missing: the gateway starts with no user', async () => {
    const gw = await start({
      NODE_ENV: 'production',
      ADMIN_EMAIL: undefined,
      ADMIN_PASSWORD: undefined,
    });
    expect(await userCount(gw)).toBe(0);
    expect((await gw.request('GET', '/health/live')).status).toBe(200);
  });

  it("may use the local stack's default password outside production", async () => {
    const gw = await start({
      ADMIN_EMAIL: DEFAULT_ADMIN.email,
      ADMIN_PASSWORD: DEFAULT_ADMIN.password,
    });
    await gw.login(DEFAULT_ADMIN.email, DEFAULT_ADMIN.password);
  });

  it("refuses, in production, the local stack's default password with one clear line", async () => {
    const line = await failedStart({
      NODE_ENV: 'production',
      ADMIN_EMAIL: 'boss@lab.example',
      ADMIN_PASSWORD: DEFAULT_ADMIN.password,
    });
    expect(line).toBe(
      "Invalid configuration for gateway: ADMIN_PASSWORD is the local stack's published default: refusing to create the first admin with it in production; set another ADMIN_PASSWORD",
    );
    expect(line).not.toContain(DEFAULT_ADMIN.password);
  });

  it('refuses, in production, a password that breaks the rule, naming the rule', async () => {
    const short = await failedStart({
      NODE_ENV: 'production',
      ADMIN_EMAIL: 'boss@lab.example',
      ADMIN_PASSWORD: 'tooshort',
    });
    expect(short).toContain('ADMIN_PASSWORD breaks the password rule');
    expect(short).toContain('at least 12 characters');
    expect(short).not.toContain('tooshort');

    const withEmail = await failedStart({
      NODE_ENV: 'production',
      ADMIN_EMAIL: 'boss@lab.example',
      ADMIN_PASSWORD: 'boss-of-the-whole-lab',
    });
    expect(withEmail).toContain('contains your email address');
  });

  it('is created in production with a strong password', async () => {
    const gw = await start({
      NODE_ENV: 'production',
      ADMIN_EMAIL: 'boss@lab.example',
      ADMIN_PASSWORD: STRONG,
    });
    await gw.login('boss@lab.example', STRONG);
  });
});
