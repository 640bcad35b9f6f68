import { createRoute } from '@tanstack/react-router';
import { adminRoute } from '../../shared/routing/admin-route';
import { EditPartPage, NewPartPage } from './components/PartEditorPage';

/** /admin/parts/new: create a part. */
const newPartRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/parts/new',
  component: NewPartPage,
});

/** /admin/parts/$productId/edit: edit a part, its media and reorder level; archive, delete. */
const editPartRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/admin/parts/$productId/edit',
  component: function EditPart() {
    const { productId } = editPartRoute.useParams();
    return <EditPartPage productId={productId} />;
  },
});

export const adminPartsRoutes = [newPartRoute, editPartRoute] as const;
