import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '@inventory/api-client';
import { ApiContext } from '../shared/api/api-context';
import { authFetch } from '../shared/api/client';
import { Session } from '../shared/api/session';

export type FakeFetch = (request: Request) => Promise<Response>;

/** A JSON answer for a fake fetch. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * Renders `ui` as the console would (Mantine, TanStack Query, the API context, a router at
 * `path`), with the network replaced by `fetch`. For component tests of forms and hooks.
 */
export async function renderInConsole(ui: ReactNode, options: { fetch: FakeFetch; path?: string }) {
  const storage = new Map<string, string>();
  const session = new Session({
    exchange: async () => null,
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
  });
  const api = createApiClient({
    baseUrl: 'http://console.test',
    fetch: authFetch(session, (input) => options.fetch(input as Request)),
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '$',
    component: () => <>{ui}</>,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([pageRoute]),
    history: createMemoryHistory({ initialEntries: [options.path ?? '/'] }),
  });
  const result = render(
    <MantineProvider>
      <ApiContext.Provider value={{ api, session }}>
        <QueryClientProvider client={queryClient}>
          {/* eslint-disable-next-line @typescript-eslint/no-explicit-any */}
          <RouterProvider router={router as any} />
        </QueryClientProvider>
      </ApiContext.Provider>
    </MantineProvider>,
  );
  await screen.findByRole('main').catch(() => undefined);
  return { ...result, session, router, queryClient };
}
