import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  MovementLauncherContext,
  type MovementTarget,
  type MovementType,
} from '../../../shared/movements/movement-launcher';

// The dialog (and the form libraries it needs) is its own chunk, fetched once the page is up.
const loadDialog = () => import('./MovementDialog');
const MovementDialog = lazy(() =>
  loadDialog().then((module) => ({ default: module.MovementDialog })),
);

/** Lets every page below it open the record-movement dialog (mounted once in the app frame). */
export function MovementHost({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{
    target: MovementTarget | null;
    type: MovementType;
    opening: number;
  }>({ target: null, type: 'issue', opening: 0 });
  const open = useCallback(
    (target: MovementTarget, type: MovementType = 'issue') =>
      setState((previous) => ({ target, type, opening: previous.opening + 1 })),
    [],
  );
  // Ready before the first R/I/A/C: fetched when the browser is idle after the first paint.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadDialog());
  }, []);
  return (
    <MovementLauncherContext.Provider value={open}>
      {children}
      {state.opening > 0 && (
        <Suspense fallback={null}>
          {/* A fresh form (and a fresh Idempotency-Key) for every opening. */}
          <MovementDialog
            key={state.opening}
            target={state.target}
            type={state.type}
            onClose={() => setState((previous) => ({ ...previous, target: null }))}
          />
        </Suspense>
      )}
    </MovementLauncherContext.Provider>
  );
}
