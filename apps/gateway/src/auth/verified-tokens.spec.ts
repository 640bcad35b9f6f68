import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const exp = 1_800_000_000; // seconds
  const claims = { sub: 'user', sid: 'session' };

  it('answers the claims of a token checked before, until the second of its expiry', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    tokens.put('a.b.c', claims, exp);
    expect(tokens.get('a.b.c', (exp - 1) * 1000)).toBe(claims);
    expect(tokens.get('a.b.c', exp * 1000 - 1)).toBe(claims);
    expect(tokens.get('a.b.c', exp * 1000)).toBeUndefined();
    // An expired token is forgotten, not kept around.
    expect(tokens.size).toBe(0);
  });

  it('knows only the exact token text that was checked', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    tokens.put('a.b.c', claims, exp);
    expect(tokens.get('a.b.C', (exp - 10) * 1000)).toBeUndefined();
    expect(tokens.get('a.b.c ', (exp - 10) * 1000)).toBeUndefined();
  });
});
