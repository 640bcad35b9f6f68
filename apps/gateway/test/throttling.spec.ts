import { ADMIN, expectErrorShape, startGateway, type TestGateway } from './support';

describe('rate limits on the routes that guess at secrets', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({
      env: { AUTH_RATE_LIMIT: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '30' },
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('answers 429 in the standard shape, with Retry-After, once login attempts exceed the limit', async () => {
    const attempt = () =>
      gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: 'a wrong guess again' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expectErrorShape(limited, 429);
    expect(limited.body.error).toBe('Too Many Requests');
    expect(limited.body.message).toMatch(
      /^Too many attempts from this address: try again in \d+ s$/,
    );
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);

    // Even the right password waits: the limit is on attempts, not on failures.
    const right = await gw.request('POST', '/api/v1/auth/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
    });
    expectErrorShape(right, 429);
  });

  it('counts attempts per address across login, refresh, password reset and password change', async () => {
    // Each address gets AUTH_RATE_LIMIT attempts in all, not that many on every route.
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const attempts: [string, unknown][] = [
      ['/api/v1/auth/refresh', { refreshToken: 'a guess at a refresh token' }],
      ['/api/v1/auth/password-reset/request', { email: 'someone@lab.example' }],
      [
        '/api/v1/auth/password-reset/confirm',
        { token: 'guess', newPassword: 'a guess at a new one' },
      ],
    ];
    const statuses: number[] = [];
    for (const [path, body] of attempts) {
      statuses.push(
        (await gw.request('POST', path, { body, headers: from('198.51.100.20') })).status,
      );
    }
    expect(statuses).toEqual([401, 202, 400]);
    for (const [path, body] of [
      ...attempts,
      ['/api/v1/auth/login', { email: ADMIN.email, password: 'x' }],
    ]) {
      expectErrorShape(
        await gw.request('POST', path as string, { body, headers: from('198.51.100.20') }),
        429,
      );
    }
  });

  it('limits guesses at the current password on /me/password like sign-ins', async () => {
    const address = { 'X-Forwarded-For': '198.51.100.30' };
    const signedIn = await gw.request('POST', '/api/v1/auth/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
      headers: { 'X-Forwarded-For': '198.51.100.31' },
    });
    const token = signedIn.body.accessToken as string;
    const guess = () =>
      gw.request('POST', '/api/v1/me/password', {
        token,
        headers: address,
        body: { currentPassword: 'a wrong guess again', newPassword: 'a brand new long secret' },
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await guess()).status);
    expect(statuses).toEqual([400, 400, 400]);
    const limited = await guess();
    expectErrorShape(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts per client address as the proxy on this host saw it; a made-up X-Forwarded-For does not help', async () => {
    // nginx appends the real address: "<whatever the client sent>, <real address>".
    const attempt = (realAddress: string, i: number) =>
      gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: 'a wrong guess again' },
        headers: { 'X-Forwarded-For': `203.0.113.${i}, ${realAddress}` },
      });
    for (let i = 0; i < 3; i++) expect((await attempt('198.51.100.7', i)).status).toBe(401);
    expectErrorShape(await attempt('198.51.100.7', 99), 429);
    // Another client is not held up by the first one.
    expect((await attempt('198.51.100.8', 1)).status).toBe(401);
  });

  it('does not limit other routes', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await gw.request('GET', '/health/live')).status).toBe(200);
      expect((await gw.request('GET', '/api/v1/me')).status).toBe(401);
    }
  });
});

describe('rate limits when the gateway faces clients directly (TRUST_PROXY=false)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({
      env: { AUTH_RATE_LIMIT: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '30', TRUST_PROXY: 'false' },
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('ignores X-Forwarded-For: a client cannot pose as many', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: 'a wrong guess again' },
        headers: { 'X-Forwarded-For': `203.0.113.${i}` },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
