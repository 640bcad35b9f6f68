import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';
import { oneOf, searchParams, text } from '../../shared/routing/search-params';

/** /admin/labels?ids=a,b,c: the part page and the parts list's selection link here. */
const labelsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/labels',
  validateSearch: searchParams({
    ids: text(40_000),
    format: oneOf(['a4-3x8', 'roll-62']),
  }),
  // Lazy: the QR and barcode libraries load with this page only.
  component: lazyRouteComponent(() => import('./components/LabelsRouteComponent')),
});

export const adminLabelsRoutes = [labelsRoute] as const;
export { labelsRoute };
