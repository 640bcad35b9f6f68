import { createContext, useContext } from 'react';

export type MovementType = 'receive' | 'issue' | 'adjust' | 'stocktake';

/** What a movement is recorded for, as the page that opens the dialog knows it. */
export interface MovementTarget {
  id: string;
  sku: string;
  name: string;
  onHand: number | null;
  reorderLevel?: number | null;
}

export type OpenMovement = (target: MovementTarget, type?: MovementType) => void;

/**
 * Opens the record-movement dialog from any page (part page, parts list, dashboard). The
 * movements feature provides it (mounted once in the app frame); pages only call it.
 */
export const MovementLauncherContext = createContext<OpenMovement | null>(null);

export function useMovementLauncher(): OpenMovement {
  const open = useContext(MovementLauncherContext);
  if (!open) throw new Error('useMovementLauncher outside MovementLauncherContext');
  return open;
}
