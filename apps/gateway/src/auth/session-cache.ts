import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  SESSION_ACKS_CHANNEL,
  SESSION_CHANGES_CHANNEL,
} from '../database/migrations/1764200000000-notify-session-changes';
import { GatewayConfig } from '../gateway.config';
import type { AuthUser } from './session.service';

interface Entry {
  user: AuthUser;
  cachedAt: number;
}

interface Waiter {
  payload: string;
  expected: Set<number>;
  done: () => void;
}

/** The LISTEN connection's name in pg_stat_activity: how a writer finds every instance. */
const LISTENER_NAME = 'gateway:session-listener';
/** Most sessions kept; past it the oldest entry goes (each costs a few hundred bytes). */
const MAX_ENTRIES = 50_000;
/** How long a writer waits for every instance to confirm before answering anyway. */
const DELIVERY_TIMEOUT_MS = 2000;
/** Confirmations that arrive before their writer waits for them are kept this long. */
const ACK_KEEP_MS = 10_000;

/**
 * What the guard last read about open sessions (user, current role), so that a request does
 * not read Postgres each time (docs/adr/0017).
 *
 * - Every gateway instance LISTENs on `gateway_session_changes`; the gateway's triggers
 *   NOTIFY it when a session ends or a user's role, email, password or active flag changes,
 *   and each instance drops what it cached and confirms on `gateway_session_acks`.
 * - The instance that made the change answers only once every listening instance (found in
 *   pg_stat_activity) has confirmed (`delivered`), so the very next request, to any
 *   instance, is checked against the change. An instance that does not confirm within 2 s is
 *   logged and not waited for.
 * - While the LISTEN connection is down nothing is served from the cache; it is emptied
 *   when the connection is back, since notifications may have been missed.
 * - An entry older than `SESSION_CACHE_MAX_AGE_SECONDS` is read again: a safety net.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Auth');
  private readonly entries = new Map<string, Entry>();
  private readonly sessionsOfUser = new Map<string, Set<string>>();
  /** Confirmations received: payload → listener pid → when. */
  private readonly acks = new Map<string, Map<number, number>>();
  private readonly waiters = new Set<Waiter>();
  private listener?: Client;
  private listenerPid?: number;
  private listening = false;
  private running = false;
  private retry?: NodeJS.Timeout;
  /** Bumped by every invalidation: a read that began before one is not stored. */
  private epoch = 0;
  private readonly maxAgeMs: number;

  constructor(
    private readonly config: GatewayConfig,
    private readonly dataSource: DataSource,
  ) {
    this.maxAgeMs = config.SESSION_CACHE_MAX_AGE_SECONDS * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.maxAgeMs === 0) return;
    this.running = true;
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.listening = false;
    clearTimeout(this.retry);
    for (const waiter of this.waiters) waiter.done();
    await this.listener?.end().catch(() => undefined);
  }

  /** The cached user of an open session, or undefined when it must be read from Postgres. */
  get(sessionId: string, userId: string): AuthUser | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.user.id !== userId || Date.now() - entry.cachedAt > this.maxAgeMs) {
      this.forgetSession(sessionId);
      return undefined;
    }
    return entry.user;
  }

  /** Marks the start of a read from Postgres; pass the result to `put` with it. */
  mark(): number {
    return this.epoch;
  }

  /** Keeps an open session's user, unless an invalidation arrived since `mark()`. */
  put(mark: number, user: AuthUser): void {
    if (!this.listening || mark !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.forgetSession(oldest);
    }
    this.entries.set(user.sessionId, { user, cachedAt: Date.now() });
    let sessions = this.sessionsOfUser.get(user.id);
    if (!sessions) this.sessionsOfUser.set(user.id, (sessions = new Set()));
    sessions.add(user.sessionId);
  }

  /** A moment to pass to `delivered`: take it before the transaction that makes the change. */
  now(): number {
    return Date.now();
  }

  /**
   * Waits, after the commit that ended session `s:<id>` or changed user `u:<id>`, until every
   * gateway instance listening on this database has dropped what it cached about it.
   * Confirmations received before `since` belong to an earlier change and do not count.
   */
  async delivered(kind: 's' | 'u', id: string, since: number): Promise<void> {
    if (!this.listening) return;
    const payload = `${kind}:${id}`;
    const rows: { pid: number }[] = await this.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [LISTENER_NAME],
    );
    const expected = new Set(rows.map((row) => row.pid));
    for (const [pid, at] of this.acks.get(payload) ?? []) if (at >= since) expected.delete(pid);
    if (expected.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const waiter: Waiter = {
        payload,
        expected,
        done: () => {
          this.waiters.delete(waiter);
          resolve();
        },
      };
      this.waiters.add(waiter);
      timer = setTimeout(() => {
        this.logger.warn(
          { event: 'auth.session_change_unconfirmed', change: payload, pids: [...expected] },
          'not every gateway instance confirmed a session change in time',
        );
        waiter.done();
      }, DELIVERY_TIMEOUT_MS);
    });
    clearTimeout(timer);
  }

  /** Handles one change: `s:<session id>` or `u:<user id>`. */
  invalidate(payload: string): void {
    this.epoch++;
    const kind = payload.slice(0, 2);
    const id = payload.slice(2);
    if (kind === 's:') {
      this.forgetSession(id);
    } else if (kind === 'u:') {
      for (const sessionId of this.sessionsOfUser.get(id) ?? []) this.entries.delete(sessionId);
      this.sessionsOfUser.delete(id);
    } else {
      this.clear();
    }
  }

  private acknowledged(message: string): void {
    const colon = message.indexOf(':');
    const pid = Number(message.slice(0, colon));
    const payload = message.slice(colon + 1);
    const now = Date.now();
    for (const [key, byPid] of this.acks) {
      for (const [other, at] of byPid) if (now - at > ACK_KEEP_MS) byPid.delete(other);
      if (byPid.size === 0) this.acks.delete(key);
    }
    const byPid = this.acks.get(payload) ?? new Map<number, number>();
    byPid.set(pid, now);
    this.acks.set(payload, byPid);
    for (const waiter of this.waiters) {
      if (waiter.payload !== payload) continue;
      waiter.expected.delete(pid);
      if (waiter.expected.size === 0) waiter.done();
    }
  }

  private forgetSession(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (!entry) return;
    this.entries.delete(sessionId);
    const sessions = this.sessionsOfUser.get(entry.user.id);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) this.sessionsOfUser.delete(entry.user.id);
  }

  private clear(): void {
    this.epoch++;
    this.entries.clear();
    this.sessionsOfUser.clear();
  }

  private async listen(): Promise<void> {
    if (!this.running) return;
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: LISTENER_NAME,
    });
    const lost = (error?: unknown) => {
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      if (this.listener !== undefined && this.listener !== client) return;
      this.listener = undefined;
      if (this.listening) {
        this.logger.warn(
          { event: 'auth.session_cache_off', err: error },
          'lost the session-change listener: session checks read Postgres until it is back',
        );
      }
      this.listening = false;
      this.clear();
      if (this.running) this.retry = setTimeout(() => void this.listen(), 1000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (message.channel === SESSION_ACKS_CHANNEL) return this.acknowledged(payload);
      this.invalidate(payload);
      client
        .query(`SELECT pg_notify($1, $2)`, [SESSION_ACKS_CHANNEL, `${this.listenerPid}:${payload}`])
        .catch(lost);
    });
    try {
      await client.connect();
      const [{ pid }] = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows;
      this.listenerPid = pid;
      await client.query(`LISTEN ${SESSION_CHANGES_CHANNEL}; LISTEN ${SESSION_ACKS_CHANNEL}`);
      this.listener = client;
      // Whatever was cached before may have missed notifications.
      this.clear();
      this.listening = true;
    } catch (error) {
      lost(error);
    }
  }
}
