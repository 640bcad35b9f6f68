import { useRouteContext } from '@tanstack/react-router';
import type { User } from '../api/session';

/** The signed-in user (inside pages under the signed-in route). */
export function useCurrentUser(): User {
  return useRouteContext({ from: '/signed-in' }).user;
}

/** Admin-only actions render only for admins (the API enforces the same rule). */
export function useIsAdmin(): boolean {
  return useCurrentUser().role === 'admin';
}
