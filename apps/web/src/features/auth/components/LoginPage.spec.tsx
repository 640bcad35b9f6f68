import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderInConsole } from '../../../test/render';
import { LoginPage } from './LoginPage';

const signedIn = {
  accessToken: 'a',
  refreshToken: 'r',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshExpiresAt: '2030-01-01T00:00:00Z',
  user: {
    id: 'u',
    email: 'sam@lab.example',
    displayName: 'Sam',
    role: 'staff',
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
    lastLoginAt: null,
  },
};

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: 'Email' }), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  it('checks the fields before asking the API', async () => {
    const requests: Request[] = [];
    await renderInConsole(<LoginPage />, {
      fetch: async (request) => (requests.push(request), json(200, signedIn)),
    });
    await submit('not-an-email', 'x');
    expect(await screen.findByText('Enter an email address like name@example.com')).toBeVisible();
    expect(requests).toHaveLength(0);
  });

  it('says a wrong password (or a deactivated account) plainly', async () => {
    await renderInConsole(<LoginPage />, {
      fetch: async () =>
        json(401, { statusCode: 401, error: 'Unauthorized', message: 'x', correlationId: 'c' }),
    });
    await submit('sam@lab.example', 'wrong password');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Email or password is incorrect. If both are right, your account may have been deactivated',
    );
  });

  it('says how long to wait when rate limited', async () => {
    await renderInConsole(<LoginPage />, {
      fetch: async () =>
        json(
          429,
          { statusCode: 429, error: 'Too Many Requests', message: 'x', correlationId: 'c' },
          { 'Retry-After': '42' },
        ),
    });
    await submit('sam@lab.example', 'whatever it is');
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 42 seconds');
  });

  it('keeps what was typed and says the service is down on a 503', async () => {
    await renderInConsole(<LoginPage />, {
      fetch: async () =>
        json(503, {
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'x',
          correlationId: 'c',
        }),
    });
    await submit('sam@lab.example', 'my password here');
    expect(await screen.findByTestId('api-unavailable')).toHaveTextContent(
      'The inventory service is not answering',
    );
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('sam@lab.example');
  });

  it('signs in and keeps the tokens in the session', async () => {
    const { session } = await renderInConsole(<LoginPage />, {
      fetch: async () => json(200, signedIn),
    });
    await submit('sam@lab.example', 'the right password');
    await vi.waitFor(() => expect(session.token).toBe('a'));
    expect(session.user?.displayName).toBe('Sam');
  });
});
