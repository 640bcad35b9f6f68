/** Most tokens remembered; past it the oldest goes (each costs a few hundred bytes). */
const MAX_ENTRIES = 20_000;

interface Entry<TClaims> {
  claims: TClaims;
  /** The token's `exp`, in seconds since the epoch. */
  exp: number;
}

/**
 * Access tokens whose signature this instance has already checked, with their claims: a
 * client sends the same token with every request until it refreshes, and the HMAC, the
 * base64 and JSON decoding and jsonwebtoken's checks are the same work each time. Keyed by
 * the whole token text (signature included), so only the very bytes that passed the check
 * are recognised; the expiry is checked on every use, as jsonwebtoken does (expired from
 * the second of `exp` on). Whether the session is still open is not part of this: the
 * caller checks that on every request (docs/adr/0017).
 */
export class VerifiedTokens<TClaims> {
  private readonly entries = new Map<string, Entry<TClaims>>();

  /** The claims of a token checked before, unless it has expired since. */
  get(token: string, nowMs = Date.now()): TClaims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Math.floor(nowMs / 1000) >= entry.exp) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** Remembers a token whose signature and expiry were just checked. */
  put(token: string, claims: TClaims, exp: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { claims, exp });
  }

  get size(): number {
    return this.entries.size;
  }
}
