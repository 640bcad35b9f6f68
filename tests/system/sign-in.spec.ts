import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { residentKiB } from '@inventory/local-stack';
import { eventually, startTestStack, type TestStack } from './support';

interface LogLine {
  event?: string;
  correlationId?: string;
  email?: string;
  [key: string]: unknown;
}

function gatewayLog(stack: TestStack): { raw: string; lines: LogLine[] } {
  const raw = readFileSync(join(stack.logDir, 'gateway.log'), 'utf8');
  const lines = raw
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
  return { raw, lines };
}

describe('signing in to the running system (built gateway, as npm start runs it)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // More sign-ins from this one address than the default limit allows in a minute.
    stack = await startTestStack({ env: { ...process.env, AUTH_RATE_LIMIT: '50' } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lets the first admin sign in, and logs sign-ins and failures with the correlation id, never the password', async () => {
    const login = (password: string, requestId: string) =>
      fetch(`${stack.urls.api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ email: stack.admin.email, password }),
      });

    const ok = await login(stack.admin.password, 'system-login-ok');
    expect(ok.status).toBe(200);
    const { accessToken } = (await ok.json()) as { accessToken: string };
    const me = await fetch(`${stack.urls.api}/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(((await me.json()) as { role: string }).role).toBe('admin');

    const wrongPassword = 'surely-not-the-admin-password';
    const failed = await login(wrongPassword, 'system-login-failed');
    expect(failed.status).toBe(401);
    expect(await failed.json()).toEqual(
      expect.objectContaining({ statusCode: 401, correlationId: 'system-login-failed' }),
    );

    await eventually('both sign-in lines in the gateway log', async () => {
      const { lines } = gatewayLog(stack);
      return (
        lines.some((l) => l.event === 'user.login' && l.correlationId === 'system-login-ok') &&
        lines.some(
          (l) => l.event === 'user.login_failed' && l.correlationId === 'system-login-failed',
        )
      );
    });
    const { raw, lines } = gatewayLog(stack);
    const failure = lines.find((l) => l.event === 'user.login_failed')!;
    expect(failure).toEqual(
      expect.objectContaining({ service: 'gateway', email: stack.admin.email, level: 'warn' }),
    );
    expect(raw).not.toContain(wrongPassword);
    expect(raw).not.toContain(stack.admin.password);
    expect(raw).not.toContain(accessToken);
  });

  it('gives back what each sign-in hashes in: eight at once leave the gateway its size', async () => {
    const signIn = () =>
      fetch(`${stack.urls.api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(stack.admin),
      });
    const pid = stack.apps.gateway.pid!;
    expect((await signIn()).status).toBe(200);
    const before = residentKiB(pid)!;
    // Twice the libuv pool: every worker thread hashes at least one password (19 MiB each).
    const answers = await Promise.all(Array.from({ length: 8 }, signIn));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    // Kept in the threads' malloc arenas, that was 60–100 MiB more for good.
    expect((residentKiB(pid)! - before) / 1024).toBeLessThan(16);
  });

  it('serves the API docs where the stack says they are', async () => {
    const docs = await fetch(stack.urls.docs);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });
});
