import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startStack, type Stack } from '@inventory/local-stack';

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
  /** Waits for an email whose subject matches, sent to `to` (polls the SES stand-in). */
  waitForMail(subject: RegExp, to?: string, timeoutMs?: number): Promise<SentMail>;
  /** The seed's part with this SKU (id, name), with `onHand` received and a reorder level. */
  stockedPart(
    sku: string,
    onHand: number,
    reorderLevel: number,
  ): Promise<{ id: string; name: string }>;
  /** Creates a staff user through the API. */
  createStaff(label: string): Promise<E2eUser>;
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
  const mail = async () => {
    const response = await fetch(`${stack.urls.mail.replace(/\/$/, '')}/store`);
    const store = (await response.json()) as { emails: SentMail[] };
    return store.emails;
  };
  return {
    stack,
    url,
    admin,
    staff,
    api,
    mail,
    waitForMail: async (subject, to, timeoutMs = 20_000) => {
      let found: SentMail | undefined;
      await eventually(
        `an email "${subject}"${to ? ` to ${to}` : ''}`,
        async () => {
          found = (await mail()).find(
            (email) => subject.test(email.subject) && (!to || email.destination.to.includes(to)),
          );
          return found !== undefined;
        },
        timeoutMs,
      );
      return found!;
    },
    stockedPart: async (sku, onHand, reorderLevel) => {
      const page = await api<{ items: { id: string; name: string; sku: string }[] }>(
        'GET',
        `/api/v1/products?search=${encodeURIComponent(sku)}`,
      );
      const part = page.items.find((item) => item.sku === sku);
      if (!part) throw new Error(`the seed has no part ${sku}`);
      await api('PUT', `/api/v1/products/${part.id}/reorder-level`, { reorderLevel });
      await api('POST', '/api/v1/stock/movements', {
        productId: part.id,
        type: 'stocktake',
        quantity: onHand,
        reference: 'e2e setup',
      });
      return { id: part.id, name: part.name };
    },
    createStaff: async (label) => {
      const user = {
        email: `${label}@lab.example`,
        password: 'a long and quiet counter password',
        displayName: label,
      };
      await api('POST', '/api/v1/users', { ...user, role: 'staff' });
      return user;
    },
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
