import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { PRODUCT_SORT_VALUES } from '@inventory/api-client';
import { signedInRoute } from '../../shared/routing/roots';
import { oneOf, searchParams, text, uuid, wholeNumber } from '../../shared/routing/search-params';
import { PAGE_SIZES } from './page-sizes';

// Pages load on first visit (their own chunks): the first paint needs only the frame.
const PartsListPage = lazyRouteComponent(
  () => import('./components/PartsListPage'),
  'PartsListPage',
);
const PartPage = lazyRouteComponent(() => import('./components/PartPage'), 'PartPage');

/** The parts list's state, in the URL (anything malformed is dropped, not an error). */
const partsSearch = searchParams({
  q: text(200),
  category: uuid,
  sort: oneOf(PRODUCT_SORT_VALUES),
  page: wholeNumber(1),
  pageSize: oneOf(PAGE_SIZES),
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
