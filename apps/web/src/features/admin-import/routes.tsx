import { Loader } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { z } from 'zod';
import { adminRoute } from '../../shared/routing/admin-route';

const ImportExportPage = lazy(() =>
  import('./components/ImportExportPage').then((module) => ({ default: module.ImportExportPage })),
);

/** The parts list links here with its filters ("export what I see"). */
const importSearch = z.object({
  search: z.string().optional().catch(undefined),
  categoryId: z.string().uuid().optional().catch(undefined),
  active: z.boolean().optional().catch(undefined),
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
