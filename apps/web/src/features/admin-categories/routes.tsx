import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';

/** /admin/categories: create, rename, move and delete categories. */
const categoriesAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/categories',
  component: lazyRouteComponent(
    () => import('./components/CategoriesAdminPage'),
    'CategoriesAdminPage',
  ),
});

export const adminCategoriesRoutes = [categoriesAdminRoute] as const;
