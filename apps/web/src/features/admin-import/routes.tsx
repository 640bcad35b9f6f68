import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { adminRoute } from '../../shared/routing/admin-route';
import { ImportExportPage } from './components/ImportExportPage';

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
    return <ImportExportPage filters={importRoute.useSearch()} />;
  },
});

export const adminImportRoutes = [importRoute] as const;
