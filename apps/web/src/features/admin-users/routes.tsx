import { createRoute } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';
import { UsersPage } from './components/UsersPage';

/** /admin/users: people who may sign in, their roles and accounts. */
const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/users',
  component: UsersPage,
});

export const adminUsersRoutes = [usersRoute] as const;
