import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';

/** /admin/users: people who may sign in, their roles and accounts. */
const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('./components/UsersPage'), 'UsersPage'),
});

export const adminUsersRoutes = [usersRoute] as const;
