import { lazy, Suspense, type ComponentType } from 'react';
import type { PartPageSlots } from '../shared/slots/part-page-slots';
import type { PartsListSlots } from '../shared/slots/parts-list-slots';

/**
 * A slot's component loaded with the page that shows it (its own chunk), not with the first
 * paint; it shows nothing until it is there.
 */
function lazySlot<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const Component = lazy(load);
  return function LazySlot(props: P) {
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
  };
}

/**
 * What fills the part page's slots. A feature that adds something to another feature's page
 * is wired here, so features stay independent of each other.
 */
export const partPageSlots: PartPageSlots = {
  adminActions: lazySlot(() =>
    import('../features/admin-parts/components/PartAdminActions').then((module) => ({
      default: module.PartAdminActions,
    })),
  ),
  chart: lazySlot(() =>
    import('../features/stock-history/components/StockHistoryPanel').then((module) => ({
      default: module.StockHistoryPanel,
    })),
  ),
};

/** What fills the parts list's slots: admins act on the selected rows. */
export const partsListSlots: PartsListSlots = {
  selectionActions: lazySlot(() =>
    import('../features/admin-parts/components/PartsListAdminActions').then((module) => ({
      default: module.PartsListAdminActions,
    })),
  ),
};
