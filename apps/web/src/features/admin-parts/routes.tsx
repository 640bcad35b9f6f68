import { Loader } from '@mantine/core';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { adminRoute } from '../../shared/routing/admin-route';

// Admin pages load when first opened: staff never download them, and the first page is quicker.
const EditPartPage = lazy(() =>
  import('./components/PartEditorPage').then((module) => ({ default: module.EditPartPage })),
);

/** /admin/parts/new: create a part. */
const newPartRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/parts/new',
  component: lazyRouteComponent(() => import('./components/PartEditorPage'), 'NewPartPage'),
});

/** /admin/parts/$productId/edit: edit a part, its media and reorder level; archive, delete. */
const editPartRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/parts/$productId/edit',
  component: function EditPart() {
    const { productId } = editPartRoute.useParams();
    return (
      <Suspense fallback={<Loader />}>
        <EditPartPage productId={productId} />
      </Suspense>
    );
  },
});

export const adminPartsRoutes = [newPartRoute, editPartRoute] as const;
