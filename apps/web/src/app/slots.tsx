import { PartAdminActions } from '../features/admin-parts/components/PartAdminActions';
import { PartsListAdminActions } from '../features/admin-parts/components/PartsListAdminActions';
import { PartHistoryPanel } from '../features/audit/components/PartHistoryPanel';
import { StockHistoryPanel } from '../features/stock-history/components/StockHistoryPanel';
import type { PartPageSlots } from '../shared/slots/part-page-slots';
import type { PartsListSlots } from '../shared/slots/parts-list-slots';

/**
 * What fills the part page's slots. A feature that adds something to another feature's page
 * is wired here, so features stay independent of each other.
 */
export const partPageSlots: PartPageSlots = {
  adminActions: PartAdminActions,
  chart: StockHistoryPanel,
  history: PartHistoryPanel,
};

/** What fills the parts list's slots: admins act on the selected rows. */
export const partsListSlots: PartsListSlots = {
  selectionActions: PartsListAdminActions,
};
