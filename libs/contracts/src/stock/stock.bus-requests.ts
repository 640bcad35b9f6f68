import type { AuditEntryDto, ListAuditRequestDto } from '../audit/audit.dto';
import { busRequest, type NoData } from '../bus';
import type { Page } from '../pagination';
import { Services } from '../services';
import type { RecordMovementRequest } from './record-movement.dto';
import type { SetReorderLevelRequest } from './set-reorder-level.dto';
import type { GetStockHistoryRequest, StockHistory } from './stock-history';
import type { StockLevel, StockSummary } from './stock-level';
import type { RecordMovementReply, StockMovement } from './stock-movement';
import type {
  GetStockLevelRequest,
  GetStockLevelsRequest,
  ListLowStockRequest,
  ListMovementsQueryDto,
} from './stock-queries.dto';
import type { SyncProductsReply, SyncProductsRequest } from './sync-products.dto';

/** Bus requests the stock service answers (`<service>.<resource>.<verb>`). */

export const RecordMovement = busRequest<RecordMovementRequest, RecordMovementReply>(
  'stock.movements.record',
  Services.Stock,
);

/** Newest first. */
export const ListMovements = busRequest<ListMovementsQueryDto, Page<StockMovement>>(
  'stock.movements.list',
  Services.Stock,
);

/**
 * `lastMovementAt` null: the product has no history. A product the stock service has not
 * heard of yet is looked up in the catalog (404 when it does not exist there);
 * `GetStockLevels` never asks the catalog.
 */
export const GetStockLevel = busRequest<GetStockLevelRequest, StockLevel>(
  'stock.levels.get',
  Services.Stock,
);

/** One level per id, in the order asked; unknown ids read as 0 on hand. */
export const GetStockLevels = busRequest<GetStockLevelsRequest, StockLevel[]>(
  'stock.levels.getMany',
  Services.Stock,
);

/** On hand at the end of each day (404: unknown product). */
export const GetStockHistory = busRequest<GetStockHistoryRequest, StockHistory>(
  'stock.history.get',
  Services.Stock,
);

/** Levels at or below their reorder level, most urgent first. */
export const ListLowStock = busRequest<ListLowStockRequest, StockLevel[]>(
  'stock.levels.low',
  Services.Stock,
);

/** How many active products are ok, low and out. */
export const GetStockSummary = busRequest<NoData, StockSummary>(
  'stock.levels.summary',
  Services.Stock,
);

/** May emit stock.low / stock.replenished. */
export const SetReorderLevel = busRequest<SetReorderLevelRequest, StockLevel>(
  'stock.reorderLevel.set',
  Services.Stock,
);

/**
 * Products the catalog just archived, deleted (or restored), applied before the catalog
 * answers its caller.
 */
export const SyncProducts = busRequest<SyncProductsRequest, SyncProductsReply>(
  'stock.products.sync',
  Services.Stock,
);

/** The newest entries of stock's audit trail matching a filter (docs/adr/0016). */
export const ListStockAudit = busRequest<ListAuditRequestDto, AuditEntryDto[]>(
  'stock.audit.list',
  Services.Stock,
);
