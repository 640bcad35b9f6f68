import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';

/** /admin/alerts: recipients, digest now, email log. */
const alertsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/alerts',
  component: lazyRouteComponent(() => import('./components/AlertsPage'), 'AlertsPage'),
});

export const adminAlertsRoutes = [alertsRoute] as const;
