import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { signedInRoute } from '../../shared/routing/roots';
import { PAGE_SIZES } from './page-sizes';

// Pages load on first visit (their own chunks): the first paint needs only the frame.
const PartsListPage = lazyRouteComponent(
  () => import('./components/PartsListPage'),
  'PartsListPage',
);
const PartPage = lazyRouteComponent(() => import('./components/PartPage'), 'PartPage');

const SORTS = [
  'name',
  '-name',
  'sku',
  '-sku',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'salePrice',
  '-salePrice',
] as const;

const STOCK_STATUSES = ['ok', 'low', 'out'] as const;

/** The parts list's state, in the URL (anything malformed is dropped, not an error). */
const partsSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  category: z.string().uuid().optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  status: z.enum(STOCK_STATUSES).optional().catch(undefined),
  page: z.number().int().min(1).optional().catch(undefined),
  pageSize: z
    .number()
    .int()
    .refine((size) => PAGE_SIZES.includes(size))
    .optional()
    .catch(undefined),
});

/** /products: the parts list. */
const partsListRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/products',
  validateSearch: partsSearch,
  component: function PartsList() {
    const search = partsListRoute.useSearch();
    const navigate = partsListRoute.useNavigate();
    return (
      <PartsListPage
        search={search}
        onSearchChange={(change, options) =>
          void navigate({ search: (previous) => ({ ...previous, ...change }), ...options })
        }
      />
    );
  },
});

/** /products/<id>: one part (also where low-stock emails link to). */
const partRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/products/$productId',
  component: function Part() {
    const { productId } = partRoute.useParams();
    return <PartPage productId={productId} />;
  },
});

export const partsRoutes = [partsListRoute, partRoute] as const;
