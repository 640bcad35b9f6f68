import { authFetch } from './client';
import { REFRESH_TOKEN_KEY, Session } from './session';

/** A gateway in miniature: accepts one current access token, rotates refresh tokens once. */
function fakeGateway() {
  let generation = 1;
  const refreshes: string[] = [];
  const seenTokens: (string | null)[] = [];
  const validAccess = () => `access-${generation}`;
  const exchange = async (refreshToken: string) => {
    refreshes.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (refreshToken !== `refresh-${generation}`) return null; // reused: session ends
    generation += 1;
    return {
      accessToken: validAccess(),
      refreshToken: `refresh-${generation}`,
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresAt: new Date().toISOString(),
    };
  };
  const fetch = async (request: Request) => {
    const token = request.headers.get('Authorization')?.replace('Bearer ', '') ?? null;
    seenTokens.push(token);
    const ok = token === validAccess();
    return new Response(JSON.stringify(ok ? { ok: true } : { statusCode: 401 }), {
      status: ok ? 200 : 401,
    });
  };
  return {
    exchange,
    fetch,
    refreshes,
    seenTokens,
  };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const user = {
  id: 'u1',
  email: 'sam@lab.example',
  displayName: 'Sam',
  role: 'staff' as const,
  active: true,
  createdAt: '',
  lastLoginAt: null,
};

describe('authFetch and the session', () => {
  it('several requests hitting 401 together share one refresh, then all succeed', async () => {
    const gateway = fakeGateway();
    const storage = memoryStorage();
    const session = new Session({ exchange: gateway.exchange, storage, locks: undefined });
    // Signed in long ago: the access token in memory is no longer accepted.
    session.signedIn(
      {
        accessToken: 'access-0',
        refreshToken: 'refresh-1',
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshExpiresAt: '',
      },
      user,
    );
    const send = authFetch(session, (input) => gateway.fetch(input as Request));

    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => send(new Request('http://gw.test/api/v1/products'))),
    );

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(gateway.refreshes).toEqual(['refresh-1']);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2');
    expect(session.token).toBe('access-2');
  });

  it('sends the request body again on the retry', async () => {
    const gateway = fakeGateway();
    const bodies: string[] = [];
    const session = new Session({ exchange: gateway.exchange, storage: memoryStorage() });
    session.signedIn(
      {
        accessToken: 'stale',
        refreshToken: 'refresh-1',
        tokenType: 'Bearer',
        expiresIn: 1,
        refreshExpiresAt: '',
      },
      user,
    );
    const send = authFetch(session, async (input) => {
      bodies.push(await (input as Request).clone().text());
      return gateway.fetch(input as Request);
    });
    const answer = await send(
      new Request('http://gw.test/api/v1/stock/movements', {
        method: 'POST',
        body: JSON.stringify({ quantity: 3 }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(bodies).toEqual(['{"quantity":3}', '{"quantity":3}']);
  });

  it('ends the session (once) when the refresh token is refused, and answers the 401', async () => {
    const gateway = fakeGateway();
    const storage = memoryStorage();
    const session = new Session({ exchange: gateway.exchange, storage });
    const events: string[] = [];
    session.subscribe((event) => events.push(event.type));
    session.signedIn(
      {
        accessToken: 'stale',
        refreshToken: 'revoked-elsewhere',
        tokenType: 'Bearer',
        expiresIn: 1,
        refreshExpiresAt: '',
      },
      user,
    );
    const send = authFetch(session, (input) => gateway.fetch(input as Request));
    const answers = await Promise.all([
      send(new Request('http://gw.test/api/v1/me')),
      send(new Request('http://gw.test/api/v1/products')),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401]);
    expect(gateway.refreshes).toEqual(['revoked-elsewhere']);
    expect(events).toEqual(['signed-in', 'ended']);
    expect(session.token).toBeNull();
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('never refreshes for a request sent without a token (a wrong password is just a 401)', async () => {
    const gateway = fakeGateway();
    const session = new Session({ exchange: gateway.exchange, storage: memoryStorage() });
    const send = authFetch(session, (input) => gateway.fetch(input as Request));
    const answer = await send(new Request('http://gw.test/api/v1/auth/login', { method: 'POST' }));
    expect(answer.status).toBe(401);
    expect(gateway.refreshes).toEqual([]);
  });

  it('two tabs take turns through the lock, each with the newest refresh token', async () => {
    const gateway = fakeGateway();
    const storage = memoryStorage(); // localStorage is shared by the tabs
    let queue = Promise.resolve();
    const locks = {
      request: (<T>(_name: string, run: () => Promise<T>) => {
        const result = queue.then(run);
        queue = result.then(
          () => undefined,
          () => undefined,
        );
        return result;
      }) as unknown as LockManager['request'],
    };
    const tabA = new Session({ exchange: gateway.exchange, storage, locks });
    const tabB = new Session({ exchange: gateway.exchange, storage, locks });
    const tokens = {
      accessToken: 'stale',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresIn: 1,
      refreshExpiresAt: '',
    };
    tabA.signedIn(tokens, user);
    tabB.signedIn(tokens, user);
    expect(await Promise.all([tabA.refresh(), tabB.refresh()])).toEqual([true, true]);
    expect(gateway.refreshes).toEqual(['refresh-1', 'refresh-2']);
    expect(storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-3');
  });
});
