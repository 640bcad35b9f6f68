import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { adminRoute } from '../../shared/routing/admin-route';
import { BulkReorderPage } from './components/BulkReorderPage';

/** /admin/reorder-levels?ids=a,b,c: the parts list's selected rows link here. */
const reorderRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/reorder-levels',
  validateSearch: z.object({ ids: z.string().optional().catch(undefined) }),
  component: function Reorder() {
    return <BulkReorderPage ids={reorderRoute.useSearch().ids} />;
  },
});

export const adminReorderRoutes = [reorderRoute] as const;
