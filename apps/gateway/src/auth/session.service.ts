import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@inventory/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { Clock } from './clock';
import { SessionCache } from './session-cache';
import { VerifiedTokens } from './verified-tokens';
import { newOpaqueToken, hashToken, successorToken, type AccessTokenClaims } from './tokens';
import type { TokensDto } from './tokens.dto';

export type SessionEndReason =
  'logout' | 'password reset' | 'password changed' | 'deactivated' | 'refresh token reused';

/** The signed-in user behind a request, as the guard found them. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  sessionId: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * How far a token reused within the grace is followed along its successors to the session's
 * current one (each step is a rotation made within the grace: in practice one or two).
 */
const MAX_GRACE_STEPS = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Refusal = { refused: string };
type OpenSession = { id: string; user: { id: string; role: Role } };

/**
 * Sessions and their tokens. A login starts a session; its refresh tokens form a chain:
 * each is usable once and replaced on use by its successor. Presenting a token that was
 * already replaced means a copy is in someone else's hands, so the whole session ends;
 * except within `REFRESH_TOKEN_REUSE_GRACE_SECONDS` of its rotation, when it is answered
 * with the session's current tokens (a page that reloaded before storing the answer; ADR 18).
 * Access tokens name their session, so ending a session also stops its access tokens at once.
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Auth');
  /** Derives each refresh token's successor (`successorToken`); never leaves the gateway. */
  private readonly successorKey: KeyObject;
  /** Tokens whose signature was checked here before: the same token comes with every request. */
  private readonly verified = new VerifiedTokens<AccessTokenClaims>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: GatewayConfig,
    private readonly cache: SessionCache,
    private readonly clock: Clock,
  ) {
    this.successorKey = createSecretKey(
      Buffer.from(
        hkdfSync('sha256', config.JWT_SECRET, '', 'inventory refresh token successor', 32),
      ),
    );
  }

  /** Starts a session for a user who just proved who they are. */
  async start(manager: EntityManager, user: { id: string; role: Role }): Promise<TokensDto> {
    const [{ id: sessionId }] = await manager.query(
      `INSERT INTO sessions (user_id) VALUES ($1) RETURNING id`,
      [user.id],
    );
    const now = this.clock.now();
    return this.issue(manager, sessionId, user, now, { token: newOpaqueToken() });
  }

  /**
   * Exchanges a refresh token for new tokens. Refused (401) when the token is unknown,
   * expired, already used (which also ends the session, unless it was rotated within the
   * reuse grace), or its session or user is no longer active.
   */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const tokenHash = hashToken(refreshToken);
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(
      async (manager): Promise<{ tokens: TokensDto } | Refusal> => {
        // TypeORM answers an UPDATE with [rows, affected count]. A concurrent refresh with
        // the same token waits here for the first to commit, then finds it rotated.
        const [rotated]: [{ session_id: string }[], number] = await manager.query(
          `UPDATE refresh_tokens SET rotated_at = $2
            WHERE token_hash = $1 AND rotated_at IS NULL AND expires_at > $2
            RETURNING session_id`,
          [tokenHash, now],
        );
        if (rotated.length === 0) return this.reused(manager, refreshToken, tokenHash, now);
        const session = await this.openSession(manager, rotated[0].session_id);
        if ('refused' in session) return session;
        const successor = { token: successorToken(this.successorKey, refreshToken) };
        return { tokens: await this.issue(manager, session.id, session.user, now, successor) };
      },
    );
    if ('tokens' in outcome) return outcome.tokens;
    throw new UnauthorizedException(outcome.refused);
  }

  /**
   * A change that ends sessions or changes a user's role, email, password or active flag
   * takes `beginChange()` before its transaction and awaits `changeDelivered(…)` after the
   * commit: it answers once every gateway instance has dropped what it cached about session
   * `s:<id>` or user `u:<id>`, so the next request to any of them sees the change.
   */
  beginChange(): number {
    return this.cache.now();
  }

  changeDelivered(kind: 's' | 'u', id: string, since: number): Promise<void> {
    return this.cache.delivered(kind, id, since);
  }

  /** Ends one session (logout). */
  async end(manager: EntityManager, sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const ended = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, reason],
    );
    return ended[0].length > 0;
  }

  /** Ends every session of a user, except optionally the one in use. Returns how many ended. */
  async endAll(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
    exceptSessionId?: string,
  ): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptSessionId ?? null],
    );
    return Number(count);
  }

  /**
   * The user behind an access token, when its session is still open and the user active;
   * the role is the user's current one, not the one in the token. Read from Postgres, or
   * from the `SessionCache` that NOTIFY keeps true on every instance.
   */
  async authenticate(accessToken: string): Promise<AuthUser | { refused: string }> {
    let claims = this.verified.get(accessToken);
    if (!claims) {
      let verified: AccessTokenClaims & { exp?: unknown };
      try {
        verified = await this.jwt.verifyAsync<AccessTokenClaims>(accessToken, {
          algorithms: ['HS256'],
        });
      } catch {
        return { refused: 'The access token is invalid or has expired' };
      }
      // Tokens this gateway signs always carry an expiry and UUIDs; a validly signed token
      // without them (an old key's, a hand-made one) is not one of ours.
      if (
        typeof verified.exp !== 'number' ||
        typeof verified.sub !== 'string' ||
        typeof verified.sid !== 'string' ||
        !UUID.test(verified.sub) ||
        !UUID.test(verified.sid)
      ) {
        return { refused: 'The access token is invalid or has expired' };
      }
      claims = verified;
      this.verified.put(accessToken, verified, verified.exp);
    }
    const cached = this.cache.get(claims.sid, claims.sub);
    if (cached) return cached;
    const mark = this.cache.mark();
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.email, u.role, u.active, s.revoked_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2`,
      [claims.sid, claims.sub],
    );
    if (!row || row.revoked_at) return { refused: 'This session has ended: sign in again' };
    if (!row.active) return { refused: 'This account has been deactivated' };
    const user: AuthUser = { id: row.id, email: row.email, role: row.role, sessionId: claims.sid };
    this.cache.put(mark, user);
    return user;
  }

  /**
   * A new access token with a refresh token: a new one (`{ token }`, stored here), or the
   * session's current one, already stored (`{ token, expiresAt }`: a reuse within the grace).
   */
  private async issue(
    manager: EntityManager,
    sessionId: string,
    user: { id: string; role: Role },
    now: Date,
    refresh: { token: string; expiresAt?: Date },
  ): Promise<TokensDto> {
    const refreshToken = refresh.token;
    let refreshExpiresAt = refresh.expiresAt;
    if (!refreshExpiresAt) {
      refreshExpiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS);
      await manager.query(
        `INSERT INTO refresh_tokens (session_id, token_hash, expires_at, created_at)
         VALUES ($1, $2, $3, $4)`,
        [sessionId, hashToken(refreshToken), refreshExpiresAt, now],
      );
    }
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    };
  }

  /** The session of a token being exchanged, locked, if it is open and its user active. */
  private async openSession(
    manager: EntityManager,
    sessionId: string,
  ): Promise<OpenSession | Refusal> {
    const [session] = await manager.query(
      `SELECT s.id, s.revoked_at, u.id AS user_id, u.role, u.active
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 FOR UPDATE OF s`,
      [sessionId],
    );
    if (session.revoked_at) return { refused: 'This session has ended: sign in again' };
    if (!session.active) return { refused: 'This account has been deactivated' };
    await manager.query(`UPDATE sessions SET last_refreshed_at = now() WHERE id = $1`, [
      session.id,
    ]);
    return { id: session.id, user: { id: session.user_id, role: session.role } };
  }

  /**
   * A refresh token that could not be rotated: unknown, expired, or used before. Used before
   * within the grace, it gets the session's current tokens; otherwise a reuse ends the session.
   */
  private async reused(
    manager: EntityManager,
    refreshToken: string,
    tokenHash: string,
    now: Date,
  ): Promise<{ tokens: TokensDto } | Refusal> {
    const [token] = await manager.query(
      `SELECT t.session_id, t.rotated_at, s.user_id
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    if (!token) return { refused: 'The refresh token is not valid' };
    if (!token.rotated_at) return { refused: 'The refresh token has expired: sign in again' };
    const sinceRotationMs = now.getTime() - new Date(token.rotated_at).getTime();
    const graceMs = this.config.REFRESH_TOKEN_REUSE_GRACE_SECONDS * 1000;
    if (graceMs > 0 && sinceRotationMs <= graceMs) {
      const current = await this.currentToken(manager, token.session_id, refreshToken, now);
      if (current) {
        const session = await this.openSession(manager, token.session_id);
        if ('refused' in session) return session;
        this.logger.log(
          {
            event: 'user.refresh_token_reused_in_grace',
            userId: token.user_id,
            sessionId: token.session_id,
            msSinceRotation: sinceRotationMs,
          },
          'a refresh token came back just after its rotation: answered with the current one',
        );
        return { tokens: await this.issue(manager, session.id, session.user, now, current) };
      }
    }
    const ended = await this.end(manager, token.session_id, 'refresh token reused');
    this.logger.warn(
      {
        event: 'user.refresh_token_reused',
        userId: token.user_id,
        sessionId: token.session_id,
        sessionEnded: ended,
        msSinceRotation: sinceRotationMs,
      },
      'a refresh token was used twice: the session was ended',
    );
    return {
      refused:
        'This refresh token was already used: the session has been ended for safety; sign in again',
    };
  }

  /**
   * The session's current refresh token, found by following `token`'s successors (each row
   * locked, so a rotation in flight is waited for and followed). None when the chain breaks
   * (a token issued before successors were derived, a changed JWT_SECRET) or has expired.
   */
  private async currentToken(
    manager: EntityManager,
    sessionId: string,
    token: string,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date } | null> {
    let current = token;
    for (let step = 0; step < MAX_GRACE_STEPS; step++) {
      current = successorToken(this.successorKey, current);
      const [row] = await manager.query(
        `SELECT rotated_at, expires_at FROM refresh_tokens
          WHERE token_hash = $1 AND session_id = $2 FOR UPDATE`,
        [hashToken(current), sessionId],
      );
      if (!row) return null;
      if (row.rotated_at) continue;
      const expiresAt = new Date(row.expires_at);
      return expiresAt > now ? { token: current, expiresAt } : null;
    }
    return null;
  }
}
