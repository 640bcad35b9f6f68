import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { signedInRoute } from '../../shared/routing/roots';

const scanSearch = z.object({
  /** What each scan records; `/scan?mode=receive` opens the receiving counter. */
  mode: z.enum(['issue', 'receive']).optional().catch(undefined),
});

/** `/scan`: the counter screen that turns scan after scan into movements (its own chunk). */
const scanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/scan',
  validateSearch: scanSearch,
  component: lazyRouteComponent(() => import('./components/ScanScreen'), 'ScanScreen'),
});

export const scanRoutes = [scanRoute] as const;
