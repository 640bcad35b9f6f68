import { createRouter } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { ConsoleApi } from '../shared/api/api-context';
import { adminRoute } from '../shared/routing/admin-route';
import { rootRoute, signedInRoute } from '../shared/routing/roots';
import { AppFrame, AppFramePending } from './AppFrame';
import { NotFoundPage } from './NotFoundPage';
// One line per feature: its routes (each route names its parent: rootRoute or signedInRoute).
import { authRoutes } from '../features/auth/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { categoriesRoutes } from '../features/categories/routes';
import { partsRoutes } from '../features/parts/routes';
import { scanRoutes } from '../features/scan/routes';
import { adminPartsRoutes } from '../features/admin-parts/routes';
import { adminCategoriesRoutes } from '../features/admin-categories/routes';
import { adminImportRoutes } from '../features/admin-import/routes';
import { adminReorderRoutes } from '../features/admin-reorder/routes';
import { adminUsersRoutes } from '../features/admin-users/routes';
import { adminAlertsRoutes } from '../features/admin-alerts/routes';
import { adminLabelsRoutes } from '../features/admin-labels/routes';
import { auditRoutes } from '../features/audit/routes';
import { profileRoutes } from '../features/profile/routes';

// While a stored session resumes (the refresh answers), the frame and a page skeleton are
// painted at once (no delay, no minimum time on screen), not a blank page.
signedInRoute.update({
  component: AppFrame,
  pendingComponent: AppFramePending,
  pendingMs: 0,
  pendingMinMs: 0,
});

const routeTree = rootRoute.addChildren([
  ...authRoutes,
  signedInRoute.addChildren([
    ...dashboardRoutes,
    ...partsRoutes,
    ...categoriesRoutes,
    ...scanRoutes,
    ...profileRoutes,
    // Admin pages: staff who open one are told it is for admins (the API refuses them too).
    adminRoute.addChildren([
      ...adminPartsRoutes,
      ...adminCategoriesRoutes,
      ...adminImportRoutes,
      ...adminReorderRoutes,
      ...adminUsersRoutes,
      ...adminAlertsRoutes,
      ...adminLabelsRoutes,
      ...auditRoutes,
    ]),
  ]),
]);

export function createConsoleRouter(context: ConsoleApi & { queryClient: QueryClient }) {
  const router = createRouter({
    routeTree,
    context,
    defaultPreload: 'intent',
    // Loaders read through TanStack Query, which keeps the data; the router need not.
    defaultPreloadStaleTime: 0,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
  // The chunks of the page being opened load while the session resumes, not after it.
  for (const match of router.matchRoutes(router.latestLocation)) {
    void router
      .loadRouteChunk(router.routesById[match.routeId as keyof typeof router.routesById])
      ?.catch(() => undefined);
  }
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createConsoleRouter>;
  }
}
