import { eventually, startTestStack, type TestStack } from './support';

interface SystemHealth {
  status: string;
  message: string;
  checks: Record<string, { status: string; detail?: string }>;
}

async function health(stack: TestStack): Promise<{ status: number; body: SystemHealth }> {
  const response = await fetch(stack.urls.health);
  return { status: response.status, body: (await response.json()) as SystemHealth };
}

describe('the local stack and the gateway /health', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reports the gateway, its database and every service up', async () => {
    const { status, body } = await health(stack);
    expect(status).toBe(200);
    expect(body.status).toBe('up');
    for (const check of ['gateway', 'database', 'catalog', 'stock', 'notification']) {
      expect(body.checks[check]?.status).toBe('up');
    }
  });

  it('turns to 503 naming a stopped service within seconds, and back to 200 when it returns', async () => {
    await stack.apps.stock.stop();
    const stoppedAt = Date.now();
    await eventually(
      'health to report stock down',
      async () => (await health(stack)).status === 503,
      5000,
    );
    const down = await health(stack);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(down.body.message).toBe('Down: stock');
    expect(down.body.checks.stock.status).toBe('down');
    expect(down.body.checks.catalog.status).toBe('up');

    stack.apps.stock.start();
    await stack.apps.stock.waitHealthy();
    await eventually(
      'health to report stock up again',
      async () => (await health(stack)).status === 200,
      10_000,
    );
  });

  it("returns the caller's X-Request-Id, and makes one when it is missing or unsafe", async () => {
    const given = await fetch(stack.urls.health, { headers: { 'X-Request-Id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');

    const unsafe = await fetch(stack.urls.health, {
      headers: { 'X-Request-Id': '<script>alert(1)</script>' },
    });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
