import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';

/** /profile: everyone's own account. */
const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('./components/ProfilePage'), 'ProfilePage'),
});

export const profileRoutes = [profileRoute] as const;
