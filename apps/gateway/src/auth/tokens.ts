import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@inventory/contracts';

/** An opaque token for a link or a refresh: 256 random bits, URL-safe. */
export const newOpaqueToken = () => randomBytes(32).toString('base64url');

/** Opaque tokens are stored only as this hash: a copy of the table signs nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What an access token (JWT, HS256) says: who, in which session. The role is informative. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: Role;
}
