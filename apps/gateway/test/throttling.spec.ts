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

  it('limits password-reset requests and confirmations separately from login', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await gw.request('POST', '/api/v1/auth/password-reset/request', {
        body: { email: `someone-${i}@lab.example` },
      });
      expect(answer.status).toBe(202);
    }
    expectErrorShape(
      await gw.request('POST', '/api/v1/auth/password-reset/request', {
        body: { email: 'someone@lab.example' },
      }),
      429,
    );
    for (let i = 0; i < 3; i++) {
      const answer = await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: `guess-${i}`, newPassword: 'a guess at a new one' },
      });
      expect(answer.status).toBe(400);
    }
    expectErrorShape(
      await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token: 'guess', newPassword: 'a guess at a new one' },
      }),
      429,
    );
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
