import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '@inventory/local-stack';

export interface E2eUser {
  email: string;
  password: string;
  displayName: string;
}

export interface E2eStack {
  stack: Stack;
  /** The console's address (the gateway's origin). */
  url: string;
  admin: E2eUser;
  staff: E2eUser;
  /** Calls the API as the admin (test setup that is not what the test is about). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every email the SES stand-in holds. */
  mail(): Promise<SentMail[]>;
  stop(): Promise<void>;
}

export interface SentMail {
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

/**
 * The whole system as `npm start` runs it (same startStack, `node dist/main.js` per app,
 * the seed's catalog loaded) on free ports with throwaway data, plus a staff user.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inventory-e2e-'));
  chmodSync(dataDir, 0o755);
  const stack = await startStack({
    dataDir,
    ephemeral: true,
    seed: true,
    // Sign-in is rate limited per address; every test signs in from 127.0.0.1.
    appEnv: { AUTH_RATE_LIMIT: '1000', LOG_LEVEL: 'warn' },
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const url = `http://localhost:${stack.ports.gateway}`;
  let adminToken: string | undefined;
  const request = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const api = async <T>(method: string, path: string, body?: unknown) => {
    adminToken ??= (
      await request<{ accessToken: string }>('POST', '/api/v1/auth/login', stack.admin)
    ).accessToken;
    return request<T>(method, path, body, adminToken);
  };
  const admin = { ...stack.admin, displayName: 'Admin' };
  const staff = {
    email: 'sam.staff@lab.example',
    password: 'counter staff password 42',
    displayName: 'Sam Staff',
  };
  await api('POST', '/api/v1/users', { ...staff, role: 'staff' });
  return {
    stack,
    url,
    admin,
    staff,
    api,
    mail: async () => {
      const response = await fetch(`${stack.urls.mail.replace(/\/$/, '')}/store`);
      const store = (await response.json()) as { emails: SentMail[] };
      return store.emails;
    },
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
