import { Controller, Injectable, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import {
  type StockLevel,
  type SyncProductsReply,
  type SyncProductsRequest,
  GetStockLevel,
  SyncProducts,
} from '@inventory/contracts';
import { freePort } from '@inventory/local-stack';

/** What the stand-in stock service answers about each product (unknown: never moved). */
@Injectable()
class StockAnswers {
  readonly lastMovementAt = new Map<string, string>();
  readonly asked: string[] = [];
  readonly synced: SyncProductsRequest[] = [];
}

@Controller()
class FakeStockController {
  constructor(private readonly answers: StockAnswers) {}

  @MessagePattern(GetStockLevel.pattern)
  level(@Payload('data') data: { productId: string }): StockLevel {
    this.answers.asked.push(data.productId);
    return {
      productId: data.productId,
      sku: null,
      name: null,
      onHand: 0,
      reorderLevel: 0,
      status: 'out',
      location: null,
      lastMovementAt: this.answers.lastMovementAt.get(data.productId) ?? null,
    };
  }
}

@Controller()
class FakeStockSyncController {
  constructor(private readonly answers: StockAnswers) {}

  @MessagePattern(SyncProducts.pattern)
  sync(@Payload('data') data: SyncProductsRequest): SyncProductsReply {
    this.answers.asked.push(...data.products.map((p) => p.productId));
    const history = data.requireNoHistory
      ? data.products
          .filter((p) => this.answers.lastMovementAt.has(p.productId))
          .map((p) => ({
            productId: p.productId,
            lastMovementAt: this.answers.lastMovementAt.get(p.productId)!,
          }))
      : [];
    if (history.length === 0) this.answers.synced.push(data);
    return { applied: history.length > 0 ? 0 : data.products.length, history };
  }
}

@Module({ controllers: [FakeStockController, FakeStockSyncController], providers: [StockAnswers] })
class FakeStockModule {}

/**
 * A stand-in for the stock service on the real bus: answers `stock.levels.get` with a last
 * movement for the products told so, and `stock.products.sync` (refusing a deletion of
 * those), recording what it was told.
 */
export interface FakeStock {
  url: string;
  /** Products with stock history. */
  hasHistory(productId: string, at?: string): void;
  asked: string[];
  /** `stock.products.sync` requests applied, in order. */
  synced: SyncProductsRequest[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startFakeStock(): Promise<FakeStock> {
  const port = await freePort();
  let app: INestMicroservice | undefined;
  const answers = new StockAnswers();
  const start = async () => {
    app = await NestFactory.createMicroservice(FakeStockModule, {
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port },
    });
    // Keep the answers across restarts.
    const fresh = app.get(StockAnswers);
    Object.assign(fresh, {
      lastMovementAt: answers.lastMovementAt,
      asked: answers.asked,
      synced: answers.synced,
    });
    await app.listen();
  };
  await start();
  return {
    url: `tcp://127.0.0.1:${port}`,
    hasHistory: (productId, at = '2026-11-20T10:00:00.000Z') =>
      answers.lastMovementAt.set(productId, at),
    asked: answers.asked,
    synced: answers.synced,
    start,
    async stop() {
      await app?.close();
      app = undefined;
    },
  };
}
