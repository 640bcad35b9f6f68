import { Loader } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { adminRoute } from '../../shared/routing/admin-route';
import { searchParams, text } from '../../shared/routing/search-params';

const BulkReorderPage = lazy(() =>
  import('./components/BulkReorderPage').then((module) => ({ default: module.BulkReorderPage })),
);

/** /admin/reorder-levels?ids=a,b,c: the parts list's selected rows link here. */
const reorderRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/reorder-levels',
  validateSearch: searchParams({ ids: text(40_000) }),
  component: function Reorder() {
    const { ids } = reorderRoute.useSearch();
    return (
      <Suspense fallback={<Loader />}>
        <BulkReorderPage ids={ids} />
      </Suspense>
    );
  },
});

export const adminReorderRoutes = [reorderRoute] as const;
