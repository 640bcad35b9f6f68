import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';
import { ProfilePage } from './components/ProfilePage';

/** /profile: everyone's own account. */
const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/profile',
  component: ProfilePage,
});

export const profileRoutes = [profileRoute] as const;
