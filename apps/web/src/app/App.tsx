import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiContext } from '../shared/api/api-context';
import { createConsoleApi } from '../shared/api/client';
import { ApiProblem } from '../shared/api/problem';
import { PartPageSlotsContext } from '../shared/slots/part-page-slots';
import { PartsListSlotsContext } from '../shared/slots/parts-list-slots';
import { createConsoleRouter } from './router';
import { partPageSlots, partsListSlots } from './slots';
import { theme } from './theme';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A refused request (4xx) is an answer; only an unreachable API is worth a retry.
        retry: (count, error) => count < 2 && error instanceof ApiProblem && error.retryable,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

/** Everything the console needs, once per page load. */
export function App() {
  const [state] = useState(() => {
    const consoleApi = createConsoleApi();
    const queryClient = createQueryClient();
    const router = createConsoleRouter({ ...consoleApi, queryClient });
    return { consoleApi, queryClient, router };
  });
  const { consoleApi, queryClient, router } = state;

  // A session that ends while using the console (signed out elsewhere, expired, revoked):
  // sign in again, then come back here.
  useEffect(
    () =>
      consoleApi.session.subscribe((event) => {
        if (event.type !== 'ended') return;
        queryClient.clear();
        const here = router.state.location.href;
        void router.navigate({ to: '/login', search: { redirect: here, reason: 'ended' } });
      }),
    [consoleApi, queryClient, router],
  );

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" autoClose={5000} />
      <ApiContext.Provider value={consoleApi}>
        <QueryClientProvider client={queryClient}>
          <PartPageSlotsContext.Provider value={partPageSlots}>
            <PartsListSlotsContext.Provider value={partsListSlots}>
              <RouterProvider router={router} />
            </PartsListSlotsContext.Provider>
          </PartPageSlotsContext.Provider>
        </QueryClientProvider>
      </ApiContext.Provider>
    </MantineProvider>
  );
}
