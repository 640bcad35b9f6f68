import { getRouteApi } from '@tanstack/react-router';
import LabelsPage from './LabelsPage';

const route = getRouteApi('/signed-in/admin/admin/labels');

/** The lazily loaded component of /admin/labels. */
export default function LabelsRouteComponent() {
  return <LabelsPage search={route.useSearch()} />;
}
