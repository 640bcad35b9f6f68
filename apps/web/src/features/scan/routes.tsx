import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { signedInRoute } from '../../shared/routing/roots';
import { ScanPage } from './components/ScanPage';

const scanSearch = z.object({
  /** What each scan records; `/scan?mode=receive` opens the receiving counter. */
  mode: z.enum(['issue', 'receive']).optional().catch(undefined),
});

/** `/scan`: the counter screen that turns scan after scan into movements. */
const scanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/scan',
  validateSearch: scanSearch,
  component: function Scan() {
    const { mode } = scanRoute.useSearch();
    const navigate = scanRoute.useNavigate();
    return (
      <ScanPage
        mode={mode ?? 'issue'}
        onModeChange={(next) => void navigate({ search: { mode: next }, replace: true })}
      />
    );
  },
});

export const scanRoutes = [scanRoute] as const;
