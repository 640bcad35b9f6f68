import { Logger } from '@nestjs/common';
import {
  CatalogEvents,
  type EventEnvelope,
  type ProductDto,
  type ProductEventPayload,
  ArchiveProduct,
  CreateProduct,
  DeleteProduct,
  GetProduct,
  ImportProducts,
  UpdateProduct,
} from '@inventory/contracts';
import { type CatalogHarness, eventually, startCatalog } from './support/catalog-harness';

describe('product events and deletion (outbox → SQS stand-in, stock asked over the bus)', () => {
  let catalog: CatalogHarness;
  const seen: (EventEnvelope<ProductEventPayload> & { batch?: string })[] = [];

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await catalog?.close();
  });

  /** Events about one product, in the order they happened, once `count` have arrived. */
  async function eventsOf(productId: string, count: number) {
    return eventually(`${count} events of ${productId}`, async () => {
      seen.push(...(await catalog.events()));
      const mine = seen
        .filter((event) => event.payload.productId === productId)
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
      return mine.length >= count ? mine : undefined;
    });
  }

  const create = (data: Record<string, unknown>) => catalog.send<ProductDto>(CreateProduct, data);

  it('announces created, updated (with each changed field from → to), archived and deleted on catalog-events', async () => {
    const product = await create({ sku: 'EVT-1', name: 'Eventful', salePrice: '1.50' });
    await catalog.send(UpdateProduct, {
      id: product.id,
      name: 'Eventful part',
      salePrice: '1.75',
      parameters: { package: 'DIP-8' },
    });
    // An update that changes nothing announces nothing.
    await catalog.send(UpdateProduct, { id: product.id, name: 'Eventful part' });
    await catalog.send(ArchiveProduct, { id: product.id });
    await catalog.send(DeleteProduct, { id: product.id });

    const events = await eventsOf(product.id, 4);
    expect(events.map((event) => event.type)).toEqual([
      CatalogEvents.ProductCreated,
      CatalogEvents.ProductUpdated,
      CatalogEvents.ProductArchived,
      CatalogEvents.ProductDeleted,
    ]);
    expect(events[0]).toMatchObject({
      source: 'catalog',
      version: 1,
      payload: { productId: product.id, sku: 'EVT-1', name: 'Eventful', active: true },
    });
    expect(events[0].payload.changes).toBeUndefined();
    expect(events[1].payload).toEqual({
      productId: product.id,
      sku: 'EVT-1',
      name: 'Eventful part',
      active: true,
      changes: {
        name: { from: 'Eventful', to: 'Eventful part' },
        salePrice: { from: '1.50', to: '1.75' },
        parameters: { from: {}, to: { package: 'DIP-8' } },
      },
    });
    expect(events[2].payload).toMatchObject({ active: false });
    expect(events[3].payload).toMatchObject({ productId: product.id, sku: 'EVT-1', active: false });
    // Each event carries the correlation id of the request that caused it.
    expect(new Set(events.map((event) => event.correlationId)).size).toBe(4);
    expect(events.every((event) => event.correlationId.startsWith('test-'))).toBe(true);
    // The outbox is empty once published.
    const [{ count }] = await catalog.db.query(`SELECT count(*)::int AS count FROM outbox`);
    expect(count).toBe(0);
  });

  it('logs each change under its stable event name, updates with every field old → new', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      const product = await create({ sku: 'LOG-1', name: 'Logged', unitCost: '2.00' });
      await catalog.send(UpdateProduct, { id: product.id, unitCost: '2.10' });
      await catalog.send(ArchiveProduct, { id: product.id });
      await catalog.send(DeleteProduct, { id: product.id });
      const entries = log.mock.calls
        .map(([entry]) => entry as { event?: string; productId?: string })
        .filter((entry) => entry.productId === product.id);
      expect(entries.map((entry) => entry.event)).toEqual([
        'product.created',
        'product.updated',
        'product.archived',
        'product.deleted',
      ]);
      expect(entries[1]).toMatchObject({
        sku: 'LOG-1',
        changes: { unitCost: { from: '2.00', to: '2.10' } },
      });
    } finally {
      log.mockRestore();
    }
  });

  it('writes no event when the change itself is refused', async () => {
    const product = await create({ sku: 'EVT-2', name: 'Second' });
    await eventsOf(product.id, 1);
    await catalog.fail(CreateProduct, { sku: 'evt-2', name: 'Clash' });
    await catalog.fail(UpdateProduct, {
      id: product.id,
      categoryId: '00000000-0000-4000-8000-000000000000',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    seen.push(...(await catalog.events()));
    expect(seen.filter((event) => event.payload.sku === 'EVT-2')).toHaveLength(1);
  });

  it('refuses to delete a product with stock history (409) and leaves it in place', async () => {
    const product = await create({ sku: 'DEL-HIST', name: 'Moved before' });
    catalog.stock.hasHistory(product.id, '2026-11-20T10:00:00.000Z');
    const refused = await catalog.fail(DeleteProduct, { id: product.id });
    expect(refused.getStatus()).toBe(409);
    expect(refused.message).toBe(
      'DEL-HIST has stock history (last movement 2026-11-20T10:00:00.000Z): archive it instead of deleting it',
    );
    expect(catalog.stock.asked).toContain(product.id);
    await expect(catalog.send(GetProduct, { id: product.id })).resolves.toMatchObject({
      sku: 'DEL-HIST',
    });
  });

  it('refuses to delete (503) while the stock service cannot be asked, and deletes once it answers', async () => {
    const product = await create({ sku: 'DEL-NOSTOCK', name: 'Unknown history' });
    await catalog.stock.stop();
    try {
      const refused = await catalog.fail(DeleteProduct, { id: product.id });
      expect(refused.getStatus()).toBe(503);
      expect(refused.message).toContain(
        'Cannot delete DEL-NOSTOCK now: the stock service could not confirm that it has no stock history',
      );
      await expect(catalog.send(GetProduct, { id: product.id })).resolves.toMatchObject({
        sku: 'DEL-NOSTOCK',
      });
    } finally {
      await catalog.stock.start();
    }
    await catalog.send(DeleteProduct, { id: product.id });
    const gone = await catalog.fail(GetProduct, { id: product.id });
    expect(gone.getStatus()).toBe(404);
  });

  describe('stock stops taking movements before an archive or delete answers', () => {
    const syncsOf = (productId: string) =>
      catalog.stock.synced.flatMap((request) =>
        request.products
          .filter((p) => p.productId === productId)
          .map((p) => ({ ...p, requireNoHistory: request.requireNoHistory === true })),
      );

    it('tells stock of an archive, with the time its event carries, before answering', async () => {
      const product = await create({ sku: 'SYNC-ARCH', name: 'To archive' });
      await catalog.send(ArchiveProduct, { id: product.id });
      const [archived] = (await eventsOf(product.id, 2)).filter(
        (event) => event.type === CatalogEvents.ProductArchived,
      );
      expect(syncsOf(product.id)).toEqual([
        {
          productId: product.id,
          sku: 'SYNC-ARCH',
          name: 'To archive',
          active: false,
          changedAt: archived.occurredAt,
          requireNoHistory: false,
        },
      ]);
      // Archiving again changes nothing in the catalog, and tells stock again.
      await catalog.send(ArchiveProduct, { id: product.id });
      expect(syncsOf(product.id)).toHaveLength(2);
    });

    it('answers 503 when stock does not confirm (the archive stays), and a retry completes it', async () => {
      const product = await create({ sku: 'SYNC-DOWN', name: 'Stock away' });
      await catalog.stock.stop();
      try {
        const refused = await catalog.fail(ArchiveProduct, { id: product.id });
        expect(refused.getStatus()).toBe(503);
        expect(refused.message).toMatch(
          /^SYNC-DOWN is archived in the catalog, but the stock service did not confirm that it stopped taking movements .*Send the request again: repeating it is safe\.$/,
        );
        const patched = await catalog.fail(UpdateProduct, {
          id: product.id,
          active: false,
        });
        expect(patched.getStatus()).toBe(503);
      } finally {
        await catalog.stock.start();
      }
      await expect(catalog.send(GetProduct, { id: product.id })).resolves.toMatchObject({
        active: false,
      });
      await catalog.send(ArchiveProduct, { id: product.id });
      expect(syncsOf(product.id)).toEqual([expect.objectContaining({ active: false })]);
    });

    it('tells stock of an update that archives, and of one that brings the product back', async () => {
      const product = await create({ sku: 'SYNC-PATCH', name: 'Patched' });
      await catalog.send(UpdateProduct, { id: product.id, active: false });
      await catalog.send(UpdateProduct, { id: product.id, active: true });
      await catalog.send(UpdateProduct, { id: product.id, name: 'Renamed' });
      expect(syncsOf(product.id).map((p) => p.active)).toEqual([false, true]);
    });

    it('asks stock to check history and stop movements in one step before a delete', async () => {
      const product = await create({ sku: 'SYNC-DEL', name: 'To delete' });
      await catalog.send(DeleteProduct, { id: product.id });
      expect(syncsOf(product.id)).toEqual([
        expect.objectContaining({ active: false, requireNoHistory: true }),
      ]);
    });

    it('tells stock of every product an import archives, and announces the import in a few events', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => `SYNC-IMP-${i},Imported ${i},${i >= 3}`);
      const csv = ['sku,name,active', ...rows].join('\n');
      await catalog.send(ImportProducts, { csv });
      const archived = catalog.stock.synced
        .flatMap((request) => request.products)
        .filter((p) => p.sku.startsWith('SYNC-IMP-'));
      expect(archived.map((p) => p.sku).sort()).toEqual(['SYNC-IMP-0', 'SYNC-IMP-1', 'SYNC-IMP-2']);
      expect(archived.every((p) => !p.active)).toBe(true);

      const events = await eventually('the import events', async () => {
        seen.push(...(await catalog.events()));
        const mine = seen.filter((event) => event.payload.sku.startsWith('SYNC-IMP-'));
        return mine.length >= 1200 ? mine : undefined;
      });
      // 1,200 products in three events of at most 500, not 1,200 events.
      const batches = new Set(events.map((event) => event.batch));
      expect(batches.size).toBe(3);
      expect(batches.has(undefined)).toBe(false);
      expect(events.filter((e) => e.type === CatalogEvents.ProductCreated)).toHaveLength(1200);
      // Stock is told the time of the event that announces each archived product.
      const first = events.find((event) => event.payload.sku === 'SYNC-IMP-0')!;
      expect(archived.find((p) => p.sku === 'SYNC-IMP-0')!.changedAt).toBe(first.occurredAt);
    });
  });
});
