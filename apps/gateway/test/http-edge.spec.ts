import { ADMIN, expectErrorShape, startGateway, type TestGateway } from './support';

describe('the HTTP edge: request ids, errors, security headers, CORS, limits, docs', () => {
  let gw: TestGateway;
  const consoleOrigin = 'https://console.lab.example';

  beforeAll(async () => {
    gw = await startGateway({
      env: { CORS_ORIGINS: `${consoleOrigin}, http://localhost:5173/`, BODY_LIMIT_BYTES: '2048' },
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('answers an unknown route with the standard 404 shape, under /api/v1 and outside it', async () => {
    for (const path of ['/api/v1/nothing-here', '/nothing-here', '/api/v2/users']) {
      const answer = await gw.request('GET', path);
      expectErrorShape(answer, 404);
      expect(answer.body.error).toBe('Not Found');
    }
  });

  it("returns the caller's X-Request-Id as the correlationId, and makes one when missing or unsafe", async () => {
    const given = await gw.request('GET', '/api/v1/me', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    expect(given.body.correlationId).toBe('abc-123');

    const made = await gw.request('GET', '/api/v1/me');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.correlationId).toBe(made.headers.get('x-request-id'));

    const unsafe = await gw.request('GET', '/api/v1/me', {
      headers: { 'X-Request-Id': 'a b<script>' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const ok = await gw.request('GET', '/health/live', { headers: { 'X-Request-Id': 'live-1' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('live-1');
  });

  it('reports its own health and its database, and names the services that are down', async () => {
    const answer = await gw.request('GET', '/health');
    expect(answer.status).toBe(503);
    expect(answer.body.message).toBe('Down: catalog, stock, notification');
    // Anyone sees up or down per part, nothing about instances, uptimes or causes.
    expect(answer.body.checks).toEqual({
      gateway: { status: 'up' },
      database: { status: 'up' },
      catalog: { status: 'down' },
      stock: { status: 'down' },
      notification: { status: 'down' },
    });
    const staff = await gw.createUser('staff', 'health');
    const asStaff = await gw.request('GET', '/health', { token: staff.token });
    expect(asStaff.body.checks).toEqual(answer.body.checks);

    const { token } = await gw.login(ADMIN.email, ADMIN.password);
    const asAdmin = await gw.request('GET', '/health', { token });
    expect(asAdmin.status).toBe(503);
    expect(asAdmin.body.checks.gateway.detail).toMatch(/^instance .+, up \d+ s$/);
    expect(asAdmin.body.checks.database.detail).toEqual(expect.any(String));
    expect(asAdmin.body.checks.stock).toEqual({
      status: 'down',
      detail: 'The stock service is unavailable',
    });
  });

  it('sends security headers on API answers', async () => {
    const answer = await gw.request('GET', '/health/live');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('allows the configured browser origins (preflight and answer), and no other', async () => {
    const preflight = await gw.request('OPTIONS', '/api/v1/auth/login', {
      headers: {
        Origin: consoleOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );

    const trailingSlashConfigured = await gw.request('GET', '/health/live', {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(trailingSlashConfigured.headers.get('access-control-allow-origin')).toBe(
      'http://localhost:5173',
    );
    expect(trailingSlashConfigured.headers.get('access-control-expose-headers')).toContain(
      'X-Request-Id',
    );

    const stranger = await gw.request('GET', '/health/live', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body above BODY_LIMIT_BYTES with 413 in the standard shape', async () => {
    const answer = await gw.request('POST', '/api/v1/auth/login', {
      body: { email: ADMIN.email, password: 'x'.repeat(4096) },
    });
    expectErrorShape(answer, 413);
    expect(answer.body.message).toBe('Request body is too large: at most 2048 bytes are accepted');
  });

  it('refuses malformed JSON, and a body that is not a JSON object, in the standard shape', async () => {
    const broken = await gw.request('POST', '/api/v1/auth/login', { body: '{"email": ' });
    expectErrorShape(broken, 400);
    expect(broken.body.message).toBe('Request body is not valid JSON');

    const text = await gw.request('POST', '/api/v1/auth/login', {
      body: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    expectErrorShape(text, 415);
    expect(text.body.message).toBe('Unsupported Content-Type: send application/json');

    const unknownType = await gw.request('POST', '/api/v1/auth/login', {
      body: '<login/>',
      headers: { 'content-type': 'application/xml' },
    });
    expectErrorShape(unknownType, 415);
    expect(unknownType.body.message).toBe('Unsupported Content-Type: send application/json');

    const array = await gw.request('POST', '/api/v1/auth/login', { body: [1, 2] });
    expectErrorShape(array, 400);
  });

  it('serves the API docs UI and the OpenAPI document without signing in', async () => {
    const ui = await fetch(`${gw.url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    const html = await ui.text();
    expect(html).toContain('swagger-ui');
    // Every script the page loads is served by the gateway itself (the CSP allows no other).
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const script = await fetch(new URL(src, `${gw.url}/api/docs/`));
      expect(script.status).toBe(200);
      expect((await script.text()).length).toBeGreaterThan(0);
    }
    expect(html).not.toMatch(/<script>[^<]/);

    const json = await gw.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(json.body.paths['/api/v1/auth/login']).toBeDefined();
  });
});
