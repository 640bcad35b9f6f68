import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';
import { DashboardPage } from './components/DashboardPage';

/** `/`: what needs attention (also where the digest email's link lands). */
const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: DashboardPage,
});

export const dashboardRoutes = [dashboardRoute] as const;
