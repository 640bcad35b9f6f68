import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import {
  SYNC_PRODUCTS_MAX,
  type SyncedProductDto,
  type SyncProductsReply,
  SyncProducts,
} from '@inventory/contracts';
import { ConflictError, ServiceBus, ServiceError } from '@inventory/platform';

/**
 * The stock service should answer well within the gateway's bus timeout (BUS_TIMEOUT_MS,
 * 5 s), leaving time for the catalog's own transaction.
 */
const STOCK_SYNC_TIMEOUT_MS = 3000;

/** A product as the catalog has it after a change, for `stock.products.sync`. */
export interface ProductState {
  id: string;
  sku: string;
  name: string;
  active: boolean;
}

/**
 * Tells the stock service at once what catalog events will tell it later, for the changes
 * that stop stock movements: an archive (or an update or import that archives) and a
 * delete. The catalog answers such a request only after stock confirmed, so that once the
 * caller has the answer no movement for the product is accepted (docs/stock-movements.md,
 * "Archived and deleted products"). `changedAt` is the time its catalog event carries.
 */
@Injectable()
export class StockSync {
  private readonly logger = new Logger(StockSync.name);

  constructor(private readonly bus: ServiceBus) {}

  /**
   * After the change was committed: stock stops taking movements for these products. A
   * 503 when stock does not confirm; sending the request again is safe (an archive of an
   * archived product, an import of the same file, tell stock again).
   */
  async retire(products: (ProductState & { changedAt: string })[], what: string): Promise<void> {
    for (let start = 0; start < products.length; start += SYNC_PRODUCTS_MAX) {
      const batch = products.slice(start, start + SYNC_PRODUCTS_MAX);
      try {
        await this.send(
          batch.map((p) => synced(p, p.changedAt)),
          false,
        );
      } catch (error) {
        this.logger.warn(
          { event: 'stock.sync_failed', products: products.length, err: error },
          'the stock service did not confirm archived products',
        );
        throw new ServiceError(
          HttpStatus.SERVICE_UNAVAILABLE,
          'Service Unavailable',
          `${what}, but the stock service did not confirm that it stopped taking movements (${(error as Error).message}). Send the request again: repeating it is safe.`,
        );
      }
    }
  }

  /**
   * Before a delete: stock stops taking movements for the product, unless it has stock
   * history (409: archive it instead). Checked and applied as one step at the stock service,
   * so no movement can slip in between. 503 (nothing changed) when stock cannot answer.
   */
  async retireForDeletion(product: ProductState, changedAt: string): Promise<void> {
    let reply: SyncProductsReply;
    try {
      reply = await this.send([synced({ ...product, active: false }, changedAt)], true);
    } catch (error) {
      this.logger.warn(
        {
          event: 'product.delete_refused',
          productId: product.id,
          reason: 'stock_unavailable',
          err: error,
        },
        'cannot check stock history',
      );
      throw new ServiceError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'Service Unavailable',
        `Cannot delete ${product.sku} now: the stock service could not confirm that it has no stock history (${(error as Error).message}). Try again later, or archive the product instead.`,
      );
    }
    const [moved] = reply.history;
    if (moved) {
      throw new ConflictError(
        `${product.sku} has stock history (last movement ${moved.lastMovementAt}): archive it instead of deleting it`,
      );
    }
  }

  /**
   * The product's state as it is (a delete stock had confirmed failed afterwards, or an
   * archived product was brought back): stock takes movements for it again. Best effort:
   * its catalog event does the same a little later.
   */
  async restore(product: ProductState, changedAt = new Date().toISOString()): Promise<void> {
    await this.send([synced(product, changedAt)], false).catch((error: unknown) =>
      this.logger.warn(
        { event: 'stock.sync_failed', productId: product.id, err: error },
        'could not tell stock that a product whose delete failed is active again',
      ),
    );
  }

  private send(products: SyncedProductDto[], requireNoHistory: boolean) {
    return this.bus.send(
      SyncProducts,
      { products, ...(requireNoHistory ? { requireNoHistory } : {}) },
      { timeoutMs: STOCK_SYNC_TIMEOUT_MS },
    );
  }
}

const synced = (product: ProductState, changedAt: string): SyncedProductDto => ({
  productId: product.id,
  sku: product.sku,
  name: product.name,
  active: product.active,
  changedAt,
});
