import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { adminRoute } from '../../shared/routing/admin-route';

const AuditPage = lazyRouteComponent(() => import('./components/AuditPage'), 'AuditPage');

const text = (max: number) => z.string().min(1).max(max).optional().catch(undefined);

/** The audit page's filters and page, in the URL (anything malformed is dropped). */
const auditSearch = z.object({
  entityType: text(40),
  entityId: text(100),
  actorId: z.string().uuid().optional().catch(undefined),
  action: text(60),
  from: z.string().datetime().optional().catch(undefined),
  to: z.string().datetime().optional().catch(undefined),
  page: z.number().int().min(1).max(100).optional().catch(undefined),
});

/** /admin/audit: who changed what, when, from which request. */
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/audit',
  validateSearch: auditSearch,
  component: function Audit() {
    const search = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return (
      <AuditPage
        search={search}
        onSearchChange={(change) =>
          void navigate({ search: (previous) => ({ ...previous, ...change }) })
        }
      />
    );
  },
});

export const auditRoutes = [auditRoute] as const;
