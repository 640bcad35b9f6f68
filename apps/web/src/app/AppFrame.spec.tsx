import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { createApiClient, type Schemas } from '@inventory/api-client';
import { ApiContext } from '../shared/api/api-context';
import { authFetch } from '../shared/api/client';
import { REFRESH_TOKEN_KEY, Session } from '../shared/api/session';
import { json } from '../test/render';
import { createConsoleRouter } from './router';

const user = {
  id: 'u',
  email: 'sam@lab.example',
  displayName: 'Sam',
  role: 'staff',
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  lastLoginAt: null,
};

function answer(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (pathname === '/api/v1/me') return json(200, user);
  if (pathname === '/api/v1/stock/summary') return json(200, { active: 3, low: 0, out: 0 });
  if (pathname === '/api/v1/stock/low') return json(200, []);
  return json(200, { items: [], total: 0, page: 1, pageSize: 10 });
}

// The pages are lazy chunks: the first import of each can take seconds on a busy machine.
const SLOW = { timeout: 30_000 };

describe('opening the console with a stored session', () => {
  it('paints the frame and a page skeleton while the session resumes, never the sign-in page', async () => {
    let resume!: (tokens: Schemas['TokensDto']) => void;
    const storage = new Map([[REFRESH_TOKEN_KEY, 'stored']]);
    const session = new Session({
      exchange: () => new Promise((done) => (resume = done)),
      storage: {
        getItem: (key) => storage.get(key) ?? null,
        setItem: (key, value) => void storage.set(key, value),
        removeItem: (key) => void storage.delete(key),
      },
      locks: { request: ((_name: string, run: () => unknown) => run()) as LockManager['request'] },
    });
    const api = createApiClient({
      baseUrl: 'http://console.test',
      fetch: authFetch(session, async (request) => answer(request as Request)),
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createConsoleRouter({ api, session, queryClient });
    router.update({ ...router.options, history: createMemoryHistory({ initialEntries: ['/'] }) });
    render(
      <MantineProvider>
        <ApiContext.Provider value={{ api, session }}>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ApiContext.Provider>
      </MantineProvider>,
    );

    // Before the gateway answers the refresh: the frame, its navigation, a page being loaded.
    expect(await screen.findByTestId('page-pending', {}, SLOW)).toHaveTextContent('Loading…');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Parts' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();

    resume({
      accessToken: 'a',
      refreshToken: 'r2',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresAt: '2030-01-01T00:00:00Z',
      user,
    } as Schemas['TokensDto']);
    expect(await screen.findByRole('heading', { name: 'Dashboard' }, SLOW)).toBeVisible();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('Sam');
    expect(screen.queryByTestId('page-pending')).toBeNull();
  }, 60_000);
});
