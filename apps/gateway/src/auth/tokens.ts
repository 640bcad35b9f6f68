import { createHash, createHmac, randomBytes, type KeyObject } from 'node:crypto';
import type { Role } from '@inventory/contracts';

/** An opaque token for a link or a refresh: 256 random bits, URL-safe. */
export const newOpaqueToken = () => randomBytes(32).toString('base64url');

/** Opaque tokens are stored only as this hash: a copy of the table signs nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The refresh token that replaces `token` when it is rotated: an HMAC of it under a key only
 * the gateway holds, so it is as unguessable as a random one, yet the same every time. A
 * rotated token that comes back within the reuse grace can so be answered with the token
 * that already replaced it, although only hashes are stored (ADR 18).
 */
export const successorToken = (key: KeyObject, token: string) =>
  createHmac('sha256', key).update(token).digest('base64url');

/** What an access token (JWT, HS256) says: who, in which session. The role is informative. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: Role;
}
