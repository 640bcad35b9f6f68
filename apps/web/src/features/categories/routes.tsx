import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';

/** `/categories`: browse the tree, open a category's parts (its own chunk). */
const categoriesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/categories',
  component: lazyRouteComponent(() => import('./components/CategoriesPage'), 'CategoriesPage'),
});

export const categoriesRoutes = [categoriesRoute] as const;
