import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';

const DashboardPage = lazyRouteComponent(
  () => import('./components/DashboardPage'),
  'DashboardPage',
);

/** `/`: what needs attention (also where the digest email's link lands). */
const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: DashboardPage,
});

export const dashboardRoutes = [dashboardRoute] as const;
