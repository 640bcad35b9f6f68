import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { adminRoute } from '../../shared/routing/admin-route';

/** /admin/labels?ids=a,b,c: the part page and the parts list's selection link here. */
const labelsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/labels',
  validateSearch: z.object({
    ids: z.string().optional().catch(undefined),
    format: z.enum(['a4-3x8', 'roll-62']).optional().catch(undefined),
  }),
  // Lazy: the QR and barcode libraries load with this page only.
  component: lazyRouteComponent(() => import('./components/LabelsRouteComponent')),
});

export const adminLabelsRoutes = [labelsRoute] as const;
export { labelsRoute };
