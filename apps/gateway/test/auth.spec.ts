import { Queues, NotificationRequests } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../src/auth/clock';
import { hashToken } from '../src/auth/tokens';
import {
  ADMIN,
  captureLogs,
  expectErrorShape,
  PUBLIC_URL,
  receive,
  startGateway,
  type TestGateway,
} from './support';

describe('signing in, sessions and password reset (HTTP, real Postgres, SQS stand-in)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(async () => {
    await gw?.close();
  });

  describe('login', () => {
    it('gives an access token, a refresh token and the user; the token opens /me', async () => {
      const answer = await gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: gw.config.ACCESS_TOKEN_TTL_SECONDS,
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        refreshExpiresAt: expect.any(String),
        user: expect.objectContaining({ email: ADMIN.email, role: 'admin', active: true }),
      });
      const me = await gw.request('GET', '/api/v1/me', { token: answer.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: answer.body.user.id,
        email: ADMIN.email,
        displayName: 'Administrator',
        role: 'admin',
        active: true,
        createdAt: expect.any(String),
        lastLoginAt: expect.any(String),
      });
      expect(Date.now() - Date.parse(me.body.lastLoginAt)).toBeLessThan(60_000);
    });

    it('takes the email in any case', async () => {
      const answer = await gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
      });
      expect(answer.status).toBe(200);
    });

    it('answers a wrong password and an unknown email alike: 401, same message', async () => {
      const wrong = await gw.request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: 'not the password at all' },
      });
      const unknown = await gw.request('POST', '/api/v1/auth/login', {
        body: { email: 'nobody@lab.example', password: 'not the password at all' },
      });
      expectErrorShape(wrong, 401);
      expectErrorShape(unknown, 401);
      expect(wrong.body.message).toBe('Email or password is incorrect');
      expect(unknown.body.message).toBe(wrong.body.message);
    });

    it('refuses a request without a token, with a garbage one, or one signed with another key', async () => {
      const none = await gw.request('GET', '/api/v1/me');
      expectErrorShape(none, 401);
      expect(none.body.message).toContain('Authorization: Bearer');

      const garbage = await gw.request('GET', '/api/v1/me', { token: 'not-a-jwt' });
      expectErrorShape(garbage, 401);

      const { token } = await gw.login(ADMIN.email, ADMIN.password);
      const [header, payload] = token.split('.');
      const forged = await gw.request('GET', '/api/v1/me', {
        token: `${header}.${payload}.${'A'.repeat(43)}`,
      });
      expectErrorShape(forged, 401);
      expect(forged.body.message).toBe('The access token is invalid or has expired');
    });
  });

  describe('refresh', () => {
    it('rotates: each refresh token works once and hands out a new pair', async () => {
      const first = await gw.login(ADMIN.email, ADMIN.password);
      const second = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: first.refreshToken },
      });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect(
        (await gw.request('GET', '/api/v1/me', { token: second.body.accessToken })).status,
      ).toBe(200);

      const third = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: second.body.refreshToken },
      });
      expect(third.status).toBe(200);
    });

    it('treats a reused refresh token as stolen: 401 and the whole session ends', async () => {
      const stolen = await gw.login(ADMIN.email, ADMIN.password);
      const legit = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: stolen.refreshToken },
      });
      expect(legit.status).toBe(200);

      // Replayed after the reuse grace (test/refresh-reuse-grace.spec.ts covers inside it).
      const clock = gw.app.get(Clock);
      const later = new Date(Date.now() + (gw.config.REFRESH_TOKEN_REUSE_GRACE_SECONDS + 1) * 1000);
      const moved = jest.spyOn(clock, 'now').mockReturnValue(later);
      const replay = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: stolen.refreshToken },
      });
      moved.mockRestore();
      expectErrorShape(replay, 401);
      expect(replay.body.message).toContain('already used');

      // The rightful holder's newer tokens are dead too: the family is revoked.
      const newer = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: legit.body.refreshToken },
      });
      expectErrorShape(newer, 401);
      const access = await gw.request('GET', '/api/v1/me', { token: legit.body.accessToken });
      expectErrorShape(access, 401);
      expect(access.body.message).toBe('This session has ended: sign in again');

      // Other sessions of the same user are untouched.
      const other = await gw.login(ADMIN.email, ADMIN.password);
      expect((await gw.request('GET', '/api/v1/me', { token: other.token })).status).toBe(200);
    });

    it('refuses an unknown refresh token and names a missing one', async () => {
      const unknown = await gw.request('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: 'x'.repeat(43) },
      });
      expectErrorShape(unknown, 401);
      const missing = await gw.request('POST', '/api/v1/auth/refresh', { body: {} });
      expectErrorShape(missing, 400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('refreshToken');
    });
  });

  describe('logout', () => {
    it('ends the session: its access and refresh tokens stop working at once', async () => {
      const session = await gw.login(ADMIN.email, ADMIN.password);
      const other = await gw.login(ADMIN.email, ADMIN.password);
      const out = await gw.request('POST', '/api/v1/auth/logout', { token: session.token });
      expect(out.status).toBe(204);
      expectErrorShape(await gw.request('GET', '/api/v1/me', { token: session.token }), 401);
      expectErrorShape(
        await gw.request('POST', '/api/v1/auth/refresh', {
          body: { refreshToken: session.refreshToken },
        }),
        401,
      );
      expect((await gw.request('GET', '/api/v1/me', { token: other.token })).status).toBe(200);
    });
  });

  describe('password reset', () => {
    const resetQueue = () => gw.queueUrls[Queues.NotificationRequests];

    it('always answers 202, and sends a working link only to a real account', async () => {
      const user = await gw.createUser('staff', 'forgetful');
      const otherSession = await gw.login(user.email, user.password);
      // The welcome email of the new user is on the queue too; take it off.
      await receive(gw.sqs, resetQueue(), (events) =>
        events.some((e) => e.type === NotificationRequests.Welcome),
      );

      const unknown = await gw.request('POST', '/api/v1/auth/password-reset/request', {
        body: { email: 'nobody-at-all@lab.example' },
      });
      expect(unknown.status).toBe(202);
      const real = await gw.request('POST', '/api/v1/auth/password-reset/request', {
        body: { email: user.email.toUpperCase() },
        headers: { 'X-Request-Id': 'reset-trace-1' },
      });
      expect(real.status).toBe(202);
      expect(real.body).toEqual(unknown.body);

      const events = await receive(gw.sqs, resetQueue(), (list) => list.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push(...(await receive(gw.sqs, resetQueue(), () => false, 500)));
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toEqual(
        expect.objectContaining({
          type: NotificationRequests.PasswordReset,
          source: 'gateway',
          correlationId: 'reset-trace-1',
          payload: {
            userId: user.id,
            email: user.email,
            displayName: expect.any(String),
            link: expect.stringMatching(
              new RegExp(`^${PUBLIC_URL}/reset-password\\?token=[\\w-]{43}$`),
            ),
            expiresAt: expect.any(String),
          },
        }),
      );
      const payload = event.payload as { link: string; expiresAt: string };
      const minutes = (Date.parse(payload.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(58);
      expect(minutes).toBeLessThanOrEqual(60);
      const token = new URL(payload.link).searchParams.get('token')!;

      // A weak password is refused, naming the field and the rule; the link still works.
      const weak = await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, newPassword: 'short' },
      });
      expectErrorShape(weak, 400);
      expect(weak.body.details).toEqual([
        { field: 'newPassword', message: expect.stringContaining('at least 12 characters') },
      ]);

      const newPassword = 'a brand new secret 2026';
      const confirmed = await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, newPassword },
      });
      expect(confirmed.status).toBe(204);

      // Old sessions are over, the old password is dead, the new one works.
      expectErrorShape(await gw.request('GET', '/api/v1/me', { token: user.token }), 401);
      expectErrorShape(await gw.request('GET', '/api/v1/me', { token: otherSession.token }), 401);
      expectErrorShape(
        await gw.request('POST', '/api/v1/auth/refresh', {
          body: { refreshToken: user.refreshToken },
        }),
        401,
      );
      expectErrorShape(
        await gw.request('POST', '/api/v1/auth/login', {
          body: { email: user.email, password: user.password },
        }),
        401,
      );
      await gw.login(user.email, newPassword);

      // The link works once.
      const again = await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, newPassword: 'yet another secret 2027' },
      });
      expectErrorShape(again, 400);
      expect(again.body.details).toEqual([
        { field: 'token', message: expect.stringContaining('ask for a new one') },
      ]);
    });

    it('stores reset tokens hashed and refuses an expired link', async () => {
      const user = await gw.createUser('staff', 'late');
      await gw.request('POST', '/api/v1/auth/password-reset/request', {
        body: { email: user.email },
      });
      const events = await receive(gw.sqs, resetQueue(), (list) =>
        list.some((e) => e.type === NotificationRequests.PasswordReset),
      );
      const reset = events.find((e) => e.type === NotificationRequests.PasswordReset)!;
      const token = new URL((reset.payload as { link: string }).link).searchParams.get('token')!;

      const rows = await gw.app
        .get(DataSource)
        .query(`SELECT token_hash FROM password_reset_tokens WHERE user_id = $1`, [user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(token);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

      await gw.app
        .get(DataSource)
        .query(
          `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
          [user.id],
        );
      const late = await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
        body: { token, newPassword: 'too late for this one' },
      });
      expectErrorShape(late, 400);
      await gw.login(user.email, user.password);
    });
  });

  describe('changing my password', () => {
    it('needs the current password, and ends my other sessions but not this one', async () => {
      const user = await gw.createUser('staff', 'changer');
      const other = await gw.login(user.email, user.password);
      const wrong = await gw.request('POST', '/api/v1/me/password', {
        token: user.token,
        body: { currentPassword: 'not my password', newPassword: 'a fresh secret phrase' },
      });
      expectErrorShape(wrong, 400);
      expect(wrong.body.details[0].field).toBe('currentPassword');

      const containsEmail = await gw.request('POST', '/api/v1/me/password', {
        token: user.token,
        body: { currentPassword: user.password, newPassword: `${user.email.split('@')[0]}-secret` },
      });
      expectErrorShape(containsEmail, 400);
      expect(containsEmail.body.details[0]).toEqual({
        field: 'newPassword',
        message: expect.stringContaining('contains your email address'),
      });

      const changed = await gw.request('POST', '/api/v1/me/password', {
        token: user.token,
        body: { currentPassword: user.password, newPassword: 'a fresh secret phrase' },
      });
      expect(changed.status).toBe(204);
      expect((await gw.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
      expectErrorShape(await gw.request('GET', '/api/v1/me', { token: other.token }), 401);
      await gw.login(user.email, 'a fresh secret phrase');
    });
  });

  describe('logging', () => {
    it('logs sign-in, failed sign-in (with the email, never the password), logout and reset with stable event names', async () => {
      const user = await gw.createUser('staff', 'logged');
      const logs = captureLogs();
      try {
        const session = await gw.login(user.email, user.password);
        await gw.request('POST', '/api/v1/auth/login', {
          body: { email: user.email, password: 'guessing-the-password-1' },
        });
        await gw.request('POST', '/api/v1/auth/logout', { token: session.token });
        await gw.request('POST', '/api/v1/auth/password-reset/request', {
          body: { email: user.email },
        });
        const dataSource = gw.app.get(DataSource);
        // Issue a token we know, as the reset email would carry it.
        await dataSource.query(
          `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)
           VALUES ($1, $2, now() + interval '1 hour')`,
          [user.id, hashToken('known-reset-token')],
        );
        await gw.request('POST', '/api/v1/auth/password-reset/confirm', {
          body: { token: 'known-reset-token', newPassword: 'guessing-is-over-now' },
        });
      } finally {
        logs.stop();
      }
      expect(logs.events('user.login')).toEqual([
        expect.objectContaining({
          level: 'log',
          fields: expect.objectContaining({ userId: user.id, email: user.email, role: 'staff' }),
        }),
      ]);
      expect(logs.events('user.login_failed')).toEqual([
        expect.objectContaining({
          level: 'warn',
          fields: expect.objectContaining({ email: user.email, reason: 'wrong password' }),
        }),
      ]);
      expect(logs.events('user.logout')).toHaveLength(1);
      expect(logs.events('user.password_reset')).toEqual([
        expect.objectContaining({
          fields: expect.objectContaining({
            userId: user.id,
            actor: expect.objectContaining({ userId: user.id }),
          }),
        }),
      ]);
      const everything = JSON.stringify(logs.lines);
      for (const secret of [
        user.password,
        'guessing-the-password-1',
        'guessing-is-over-now',
        'known-reset-token',
      ]) {
        expect(everything).not.toContain(secret);
      }
    });
  });
});
