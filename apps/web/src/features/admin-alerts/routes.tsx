import { createRoute } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';
import { AlertsPage } from './components/AlertsPage';

/** /admin/alerts: recipients, digest now, email log. */
const alertsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/alerts',
  component: AlertsPage,
});

export const adminAlertsRoutes = [alertsRoute] as const;
