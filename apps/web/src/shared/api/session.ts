import type { Schemas } from '@inventory/api-client';

export type User = Schemas['UserDto'];
type Tokens = Schemas['TokensDto'];

/** Where the refresh token is kept between page loads (see docs/console.md, "Sessions"). */
export const REFRESH_TOKEN_KEY = 'inventory.refreshToken';
const REFRESH_LOCK = 'inventory.refresh';

export type SessionEvent = { type: 'signed-in' } | { type: 'signed-out' } | { type: 'ended' };

export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionOptions {
  /** Exchanges a refresh token for new tokens; null when the gateway refused it (401). */
  exchange: (refreshToken: string) => Promise<Tokens | null>;
  storage?: SessionStorage;
  /** Serialises refreshes across tabs (Web Locks); absent: within this tab only. */
  locks?: Pick<LockManager, 'request'>;
}

/**
 * The signed-in session of this tab. The access token lives in memory only; the refresh
 * token works once and is replaced on every refresh, so refreshing must never happen twice
 * with the same token: every caller that needs a new access token while one refresh is in
 * flight gets that refresh's result (`refresh()`), and tabs take turns through a Web Lock,
 * each reading the newest refresh token inside it.
 */
export class Session {
  private accessToken: string | null = null;
  private currentUser: User | null = null;
  private inFlight: Promise<boolean> | null = null;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly storage: SessionStorage;

  constructor(private readonly options: SessionOptions) {
    this.storage = options.storage ?? window.localStorage;
  }

  get token(): string | null {
    return this.accessToken;
  }

  get user(): User | null {
    return this.currentUser;
  }

  /** A refresh token is stored: the session can probably be resumed. */
  get resumable(): boolean {
    return this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signedIn(tokens: Tokens, user: User): void {
    this.accessToken = tokens.accessToken;
    this.currentUser = user;
    this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.emit({ type: 'signed-in' });
  }

  setUser(user: User): void {
    this.currentUser = user;
  }

  /**
   * A new access token. Concurrent callers share one refresh; resolves false (and ends the
   * session) when the refresh token is gone or refused.
   */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.refreshOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshOnce(): Promise<boolean> {
    const run = async () => {
      const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
      if (!refreshToken) return null;
      const tokens = await this.options.exchange(refreshToken);
      if (tokens) this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
      else if (this.storage.getItem(REFRESH_TOKEN_KEY) === refreshToken) {
        this.storage.removeItem(REFRESH_TOKEN_KEY);
      }
      return tokens;
    };
    const locks = this.options.locks ?? globalThis.navigator?.locks;
    const tokens = locks ? await locks.request(REFRESH_LOCK, run) : await run();
    if (!tokens) {
      this.end('ended');
      return false;
    }
    this.accessToken = tokens.accessToken;
    return true;
  }

  /** Forgets the session in this browser; `ended`: it ended elsewhere or expired. */
  end(reason: 'signed-out' | 'ended'): void {
    const wasSignedIn = this.accessToken !== null || this.currentUser !== null;
    this.accessToken = null;
    this.currentUser = null;
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    if (wasSignedIn || reason === 'signed-out') this.emit({ type: reason });
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
