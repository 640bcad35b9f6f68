import type { ReactNode } from 'react';
import { useIsAdmin } from './use-current-user';

/** Renders its children for admins only: staff are not offered what they may not do. */
export function AdminOnly({ children }: { children: ReactNode }) {
  return useIsAdmin() ? <>{children}</> : null;
}
