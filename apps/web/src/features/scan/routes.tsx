import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/roots';
import { oneOf, searchParams } from '../../shared/routing/search-params';

const scanSearch = searchParams({
  /** What each scan records; `/scan?mode=receive` opens the receiving counter. */
  mode: oneOf(['issue', 'receive']),
});

/** `/scan`: the counter screen that turns scan after scan into movements (its own chunk). */
const scanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/scan',
  validateSearch: scanSearch,
  component: lazyRouteComponent(() => import('./components/ScanScreen'), 'ScanScreen'),
});

export const scanRoutes = [scanRoute] as const;
