import { useCallback, useState, type ReactNode } from 'react';
import {
  MovementLauncherContext,
  type MovementTarget,
  type MovementType,
} from '../../../shared/movements/movement-launcher';
import { MovementDialog } from './MovementDialog';

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
  return (
    <MovementLauncherContext.Provider value={open}>
      {children}
      {/* A fresh form (and a fresh Idempotency-Key) for every opening. */}
      <MovementDialog
        key={state.opening}
        target={state.target}
        type={state.type}
        onClose={() => setState((previous) => ({ ...previous, target: null }))}
      />
    </MovementLauncherContext.Provider>
  );
}
