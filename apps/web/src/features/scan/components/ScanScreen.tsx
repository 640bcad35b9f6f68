import { getRouteApi } from '@tanstack/react-router';
import { ScanPage } from './ScanPage';

const route = getRouteApi('/signed-in/scan');

/** `/scan` with its `mode` in the URL (lazy-loaded with the page). */
export function ScanScreen() {
  const { mode } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <ScanPage
      mode={mode ?? 'issue'}
      onModeChange={(next) => void navigate({ search: { mode: next }, replace: true })}
    />
  );
}
