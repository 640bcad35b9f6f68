import type { OpenAPIObject } from '@nestjs/swagger';
import { ADMIN, startGateway, type TestGateway } from './support';

/** Gets past authentication and the role check: any answer but 401 and 403. */
const PASSES = 'passes';
type Expected = number | typeof PASSES;

/**
 * Who may call what: every route of the API × [anonymous, staff, admin] → the expected
 * status. A number is exact; `PASSES` means "let through" (the request itself, sent with an
 * empty body and a made-up id, may still be refused as 400/404, or 503 with no services).
 * Anonymous callers get 401 on protected routes, staff get 403 on admin-only routes.
 *
 * The routes come from the app's own OpenAPI document: a route without a row here fails the
 * test, so every new route must be classified.
 */
const EXPECTED: Record<string, [anonymous: Expected, staff: Expected, admin: Expected]> = {
  'GET /health': [PASSES, PASSES, PASSES],
  'GET /health/live': [200, 200, 200],
  'GET /api/v1': [200, 200, 200],
  'POST /api/v1/auth/login': [400, 400, 400],
  'POST /api/v1/auth/refresh': [400, 400, 400],
  'POST /api/v1/auth/logout': [401, 204, 204],
  'POST /api/v1/auth/password-reset/request': [400, 400, 400],
  'POST /api/v1/auth/password-reset/confirm': [400, 400, 400],
  'GET /api/v1/me': [401, 200, 200],
  'POST /api/v1/me/password': [401, 400, 400],
  'GET /api/v1/users': [401, 403, 200],
  'POST /api/v1/users': [401, 403, 400],
  'GET /api/v1/users/{id}': [401, 403, 404],
  'PATCH /api/v1/users/{id}': [401, 403, 404],
  // No notification service runs here: an admin gets past the guard to a 503 (or 400 for a
  // body that fails validation first).
  'GET /api/v1/alerts/recipients': [401, 403, PASSES],
  'PUT /api/v1/alerts/recipients': [401, 403, 400],
  'GET /api/v1/alerts/emails': [401, 403, PASSES],
  'GET /api/v1/audit': [401, PASSES, PASSES],
  'GET /api/v1/alerts/emails/{id}': [401, 403, PASSES],
  'POST /api/v1/alerts/low-stock/run': [401, 403, PASSES],
  // Catalog: staff read, admins write. No catalog service runs here: whoever gets past the
  // guard meets a 503, or a 400 when the empty body fails validation first.
  'GET /api/v1/categories': [401, PASSES, PASSES],
  'POST /api/v1/categories': [401, 403, 400],
  'GET /api/v1/categories/{id}': [401, PASSES, PASSES],
  'PATCH /api/v1/categories/{id}': [401, 403, PASSES],
  'DELETE /api/v1/categories/{id}': [401, 403, PASSES],
  'GET /api/v1/products': [401, PASSES, PASSES],
  'POST /api/v1/products': [401, 403, 400],
  'GET /api/v1/products/export.csv': [401, PASSES, PASSES],
  'POST /api/v1/products/import': [401, 403, PASSES],
  'GET /api/v1/products/{id}': [401, PASSES, PASSES],
  'PATCH /api/v1/products/{id}': [401, 403, PASSES],
  'DELETE /api/v1/products/{id}': [401, 403, PASSES],
  'POST /api/v1/products/{id}/archive': [401, 403, PASSES],
  'GET /api/v1/products/{id}/media': [401, PASSES, PASSES],
  'POST /api/v1/products/{id}/media/uploads': [401, 403, 400],
  'POST /api/v1/products/{id}/media/uploads/{uploadId}/complete': [401, 403, PASSES],
  'POST /api/v1/products/{id}/media/{mediaId}/primary': [401, 403, PASSES],
  'DELETE /api/v1/products/{id}/media/{mediaId}': [401, 403, PASSES],
  // Stock: staff and admins record and read movements; admins set reorder levels.
  'POST /api/v1/stock/movements': [401, 400, 400],
  'GET /api/v1/stock/movements': [401, PASSES, PASSES],
  'GET /api/v1/stock/low': [401, PASSES, PASSES],
  'GET /api/v1/stock/summary': [401, PASSES, PASSES],
  'GET /api/v1/products/{id}/stock': [401, PASSES, PASSES],
  'GET /api/v1/products/{id}/stock/history': [401, PASSES, PASSES],
  'PUT /api/v1/products/{id}/reorder-level': [401, 403, 400],
};

const CALLERS = ['anonymous', 'staff', 'admin'] as const;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('role matrix: every route × anonymous / staff / admin', () => {
  let gw: TestGateway;
  let routes: string[];
  let staff: { email: string; password: string };

  beforeAll(async () => {
    gw = await startGateway();
    const document: OpenAPIObject = (await gw.request('GET', '/api/docs-json')).body;
    routes = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    staff = await gw.createUser('staff', 'matrix');
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('classifies every route of the API (add a row to EXPECTED for a new route)', () => {
    expect(routes.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers each caller as expected on each route', async () => {
    const mismatches: string[] = [];
    for (const route of routes.filter((r) => r in EXPECTED)) {
      const [method, path] = route.split(' ');
      for (const [index, caller] of CALLERS.entries()) {
        // A fresh session per call: some routes (logout) end the one they are called with.
        const token =
          caller === 'anonymous'
            ? undefined
            : (
                await gw.login(
                  caller === 'admin' ? ADMIN.email : staff.email,
                  caller === 'admin' ? ADMIN.password : staff.password,
                )
              ).token;
        const answer = await gw.request(method, path.replace(/\{[^}]+\}/g, SOME_ID), {
          token,
          body: ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined,
        });
        const expected = EXPECTED[route][index];
        const ok =
          expected === PASSES ? ![401, 403].includes(answer.status) : answer.status === expected;
        if (!ok)
          mismatches.push(`${route} as ${caller}: expected ${expected}, got ${answer.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
