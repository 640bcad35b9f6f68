import { Controller, Injectable, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { type StockLevel, StockPatterns } from '@inventory/contracts';
import { freePort } from '@inventory/local-stack';

/** What the stand-in stock service answers about each product (unknown: never moved). */
@Injectable()
class StockAnswers {
  readonly lastMovementAt = new Map<string, string>();
  readonly asked: string[] = [];
}

@Controller()
class FakeStockController {
  constructor(private readonly answers: StockAnswers) {}

  @MessagePattern(StockPatterns.levelsGet)
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

@Module({ controllers: [FakeStockController], providers: [StockAnswers] })
class FakeStockModule {}

/**
 * A stand-in for the stock service on the real bus (another team builds the real one):
 * answers `stock.levels.get` with a last movement for the products told so.
 */
export interface FakeStock {
  url: string;
  /** Products with stock history. */
  hasHistory(productId: string, at?: string): void;
  asked: string[];
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
    Object.assign(fresh, { lastMovementAt: answers.lastMovementAt, asked: answers.asked });
    await app.listen();
  };
  await start();
  return {
    url: `tcp://127.0.0.1:${port}`,
    hasHistory: (productId, at = '2026-11-20T10:00:00.000Z') =>
      answers.lastMovementAt.set(productId, at),
    asked: answers.asked,
    start,
    async stop() {
      await app?.close();
      app = undefined;
    },
  };
}
