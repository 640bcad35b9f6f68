import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import type { ConsoleApi } from '../api/api-context';
import { call } from '../api/problem';

export interface RouterContext extends ConsoleApi {
  queryClient: QueryClient;
}

/** The root of every page. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

/**
 * Parent of every page that needs a signed-in user (pathless). Without a session in memory
 * it resumes the stored one; failing that it sends the user to sign in and back here after.
 * The app shell (navigation, header) is its component, set in app/router.tsx.
 */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const { session, api } = context;
    if (!session.token && session.resumable) {
      try {
        if (await session.refresh()) session.setUser(await call(api.GET('/api/v1/me')));
      } catch {
        // API unreachable: the page shows the banner once it loads; try to sign in again.
      }
    }
    if (!session.token || !session.user) {
      throw redirect({ to: '/login', search: { redirect: location.href } });
    }
    return { user: session.user };
  },
});
