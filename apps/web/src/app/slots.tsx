import { PartAdminActions } from '../features/admin-parts/components/PartAdminActions';
import { StockHistoryPanel } from '../features/stock-history/components/StockHistoryPanel';
import type { PartPageSlots } from '../shared/slots/part-page-slots';

/**
 * What fills the part page's slots. A feature that adds something to another feature's page
 * is wired here, so features stay independent of each other.
 */
export const partPageSlots: PartPageSlots = {
  adminActions: PartAdminActions,
  chart: StockHistoryPanel,
};
