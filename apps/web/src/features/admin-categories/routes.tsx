import { createRoute } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';
import { CategoriesAdminPage } from './components/CategoriesAdminPage';

/** /admin/categories: create, rename, move and delete categories. */
const categoriesAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/categories',
  component: CategoriesAdminPage,
});

export const adminCategoriesRoutes = [categoriesAdminRoute] as const;
