import { Loader } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { adminRoute } from '../../shared/routing/admin-route';
import { STOCK_STATUS_VALUES } from '@inventory/api-client';
import { flag, oneOf, searchParams, text, uuid } from '../../shared/routing/search-params';

const ImportExportPage = lazy(() =>
  import('./components/ImportExportPage').then((module) => ({ default: module.ImportExportPage })),
);

/** The parts list links here with its filters ("export what I see"). */
const importSearch = searchParams({
  search: text(200),
  categoryId: uuid,
  active: flag,
  status: oneOf(STOCK_STATUS_VALUES),
});

/** /admin/import: CSV import and export. */
const importRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/import',
  validateSearch: importSearch,
  component: function Import() {
    const filters = importRoute.useSearch();
    return (
      <Suspense fallback={<Loader />}>
        <ImportExportPage filters={filters} />
      </Suspense>
    );
  },
});

export const adminImportRoutes = [importRoute] as const;
