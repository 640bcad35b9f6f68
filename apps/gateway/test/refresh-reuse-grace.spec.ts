import { Clock } from '../src/auth/clock';
import {
  ADMIN,
  type Answer,
  captureLogs,
  expectErrorShape,
  startGateway,
  type TestGateway,
} from './support';

const GRACE_SECONDS = 20;

describe('a refresh token used again just after its rotation (HTTP, real Postgres)', () => {
  let gw: TestGateway;
  let clock: Clock;
  let offsetMs = 0;

  beforeAll(async () => {
    gw = await startGateway({ env: { REFRESH_TOKEN_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) } });
    clock = gw.app.get(Clock);
    // The gateway's clock, moved by the tests instead of waiting.
    const real = clock.now.bind(clock);
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real().getTime() + offsetMs));
  });

  beforeEach(() => {
    offsetMs = 0;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await gw?.close();
  });

  const refresh = (refreshToken: string): Promise<Answer> =>
    gw.request('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
  const me = (token: string) => gw.request('GET', '/api/v1/me', { token });

  it('within the grace: answered with the tokens the first use handed out, session kept', async () => {
    const session = await gw.login(ADMIN.email, ADMIN.password);
    const first = await refresh(session.refreshToken);
    expect(first.status).toBe(200);

    // The page reloaded before it stored `first`: its next load sends the old token again.
    offsetMs = (GRACE_SECONDS - 1) * 1000;
    const again = await refresh(session.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).toBe(first.body.refreshToken);
    expect(again.body.refreshExpiresAt).toBe(first.body.refreshExpiresAt);
    expect((await me(again.body.accessToken)).status).toBe(200);
    expect((await me(first.body.accessToken)).status).toBe(200);

    // The chain goes on from there, once per token, as before.
    const next = await refresh(again.body.refreshToken);
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await me(next.body.accessToken)).status).toBe(200);
  });

  it('follows the chain: a token two rotations behind gets the current one', async () => {
    const session = await gw.login(ADMIN.email, ADMIN.password);
    const first = await refresh(session.refreshToken);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);

    const late = await refresh(session.refreshToken);
    expect(late.status).toBe(200);
    expect(late.body.refreshToken).toBe(second.body.refreshToken);
    expect((await refresh(late.body.refreshToken)).status).toBe(200);
  });

  it('after the grace: a reuse is a stolen copy, the whole session ends', async () => {
    const logs = captureLogs();
    try {
      const stolen = await gw.login(ADMIN.email, ADMIN.password);
      const legit = await refresh(stolen.refreshToken);
      expect(legit.status).toBe(200);

      offsetMs = (GRACE_SECONDS + 1) * 1000;
      const replay = await refresh(stolen.refreshToken);
      expectErrorShape(replay, 401);
      expect(replay.body.message).toContain('already used');
      expect(logs.events('user.refresh_token_reused')).toHaveLength(1);

      // The rightful holder's newer tokens are dead too.
      expectErrorShape(await refresh(legit.body.refreshToken), 401);
      const access = await me(legit.body.accessToken);
      expectErrorShape(access, 401);
      expect(access.body.message).toBe('This session has ended: sign in again');
    } finally {
      logs.stop();
    }
  });

  it('many refreshes with one token at once: every one answered alike, the session lives', async () => {
    const session = await gw.login(ADMIN.email, ADMIN.password);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => refresh(session.refreshToken)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    const refreshTokens = new Set(answers.map((answer) => answer.body.refreshToken));
    expect(refreshTokens.size).toBe(1);
    for (const answer of answers) expect((await me(answer.body.accessToken)).status).toBe(200);

    // And the token they all got works once more, as the next one in the chain.
    const [shared] = refreshTokens;
    const next = await refresh(shared);
    expect(next.status).toBe(200);
    expect((await me(next.body.accessToken)).status).toBe(200);
  });

  it('a logged-out session stays ended: the grace does not bring it back', async () => {
    const session = await gw.login(ADMIN.email, ADMIN.password);
    const first = await refresh(session.refreshToken);
    const out = await gw.request('POST', '/api/v1/auth/logout', {
      token: first.body.accessToken,
    });
    expect(out.status).toBe(204);

    const again = await refresh(session.refreshToken);
    expectErrorShape(again, 401);
    expect(again.body.message).toBe('This session has ended: sign in again');
    expectErrorShape(await refresh(first.body.refreshToken), 401);
  });

  it('a password change ends the other sessions at once, grace or not', async () => {
    const user = await gw.createUser('staff', 'grace');
    const other = await gw.login(user.email, user.password);
    const rotated = await refresh(other.refreshToken);
    expect(rotated.status).toBe(200);

    const changed = await gw.request('POST', '/api/v1/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: 'a new long enough secret 7' },
    });
    expect(changed.status).toBe(204);

    expectErrorShape(await refresh(other.refreshToken), 401);
    expectErrorShape(await refresh(rotated.body.refreshToken), 401);
    expectErrorShape(await me(rotated.body.accessToken), 401);
  });

  it('with no grace configured, any reuse ends the session at once', async () => {
    const strict = await startGateway({
      env: { REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' },
      reuse: gw,
    });
    try {
      const session = await strict.login(ADMIN.email, ADMIN.password);
      const first = await strict.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(first.status).toBe(200);
      const replay = await strict.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expectErrorShape(replay, 401);
      expectErrorShape(
        await strict.request('GET', '/api/v1/me', { token: first.body.accessToken }),
        401,
      );
    } finally {
      await strict.close();
    }
  });
});
