import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';
import { CategoriesPage } from './components/CategoriesPage';

/** `/categories`: browse the tree, open a category's parts. */
const categoriesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/categories',
  component: CategoriesPage,
});

export const categoriesRoutes = [categoriesRoute] as const;
