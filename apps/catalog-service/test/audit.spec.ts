import {
  type AuditEntryDto,
  type CategoryDto,
  type ProductDto,
  ArchiveProduct,
  CreateCategory,
  CreateProduct,
  ListCatalogAudit,
  Role,
  UpdateCategory,
  UpdateProduct,
} from '@inventory/contracts';
import { admin, type CatalogHarness, startCatalog } from './support/catalog-harness';

/**
 * The catalog's audit trail: an entry is written in the transaction of the change, so a
 * change that commits has exactly one and a change that fails has none.
 */
describe('catalog audit trail (bus, real Postgres)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await catalog?.close();
  });

  const entriesOf = (entityId: string) =>
    catalog.send<AuditEntryDto[]>(ListCatalogAudit, { entityType: 'product', entityId, limit: 50 });
  const rows = async (entityId: string) =>
    Number(
      (
        await catalog.db.query(`SELECT count(*) AS n FROM audit_entries WHERE entity_id = $1`, [
          entityId,
        ])
      )[0].n,
    );

  it('records a product update once, with each changed field, the actor and the request', async () => {
    const created = await catalog.send<ProductDto>(CreateProduct, {
      sku: 'AUD-ESP32',
      name: 'ESP32 board',
      salePrice: '9.50',
    });
    await catalog.send(UpdateProduct, {
      id: created.id,
      name: 'ESP32-S3 board',
      salePrice: '9.5', // the same amount: not a change
      manufacturer: 'Espressif',
    });

    const entries = await entriesOf(created.id);
    expect(entries.map((entry) => entry.action)).toEqual(['product.updated', 'product.created']);
    const [updated] = entries;
    expect(updated).toMatchObject({
      entityType: 'product',
      entityId: created.id,
      actor: { userId: admin.userId, role: Role.Admin },
      origin: 'api',
      service: 'catalog',
      summary: 'Changed AUD-ESP32: renamed "ESP32 board" to "ESP32-S3 board", manufacturer',
    });
    expect(updated.changes).toEqual([
      { field: 'name', from: 'ESP32 board', to: 'ESP32-S3 board' },
      { field: 'manufacturer', from: null, to: 'Espressif' },
    ]);
    expect(updated.correlationId).toMatch(/^test-/);
    expect(updated.correlationId).not.toBe(entries[1].correlationId);

    // An update that changes nothing records nothing.
    await catalog.send(UpdateProduct, { id: created.id, name: 'ESP32-S3 board' });
    expect(await rows(created.id)).toBe(2);
  });

  it('records nothing for a change that fails: 409, 422, or a rollback at commit', async () => {
    const first = await catalog.send<ProductDto>(CreateProduct, { sku: 'AUD-A', name: 'A' });
    const second = await catalog.send<ProductDto>(CreateProduct, { sku: 'AUD-B', name: 'B' });

    const clash = await catalog.fail(UpdateProduct, { id: second.id, sku: 'AUD-A' });
    expect(clash.getStatus()).toBe(409);
    const missingCategory = await catalog.fail(UpdateProduct, {
      id: second.id,
      categoryId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missingCategory.getStatus()).toBe(422);
    expect(await rows(second.id)).toBe(1); // its creation only

    // A check that fails at COMMIT, after the product row and the entry were written.
    await catalog.db.query(`
      CREATE FUNCTION catalog.refuse_rollback_me() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'Rollback me' THEN RAISE EXCEPTION 'forced rollback'; END IF;
        RETURN NULL;
      END $$`);
    await catalog.db.query(`
      CREATE CONSTRAINT TRIGGER refuse_rollback_me AFTER UPDATE ON catalog.products
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog.refuse_rollback_me()`);
    try {
      const rolledBack = await catalog.fail(UpdateProduct, { id: first.id, name: 'Rollback me' });
      expect(rolledBack.getStatus()).toBe(500);
    } finally {
      await catalog.db.query(`DROP TRIGGER refuse_rollback_me ON catalog.products`);
      await catalog.db.query(`DROP FUNCTION catalog.refuse_rollback_me()`);
    }
    expect(await rows(first.id)).toBe(1);
    expect((await entriesOf(first.id)).map((entry) => entry.action)).toEqual(['product.created']);
  });

  it('records archive and category changes, and filters by actor and action', async () => {
    const staffLike = { userId: '1d7a2a1e-6b1f-4f77-9d6e-0d2b8a4f7a10', role: Role.Admin };
    const product = await catalog.send<ProductDto>(CreateProduct, { sku: 'AUD-ARC', name: 'X' });
    await catalog.send(ArchiveProduct, { id: product.id }, staffLike);
    await catalog.send(ArchiveProduct, { id: product.id }, staffLike); // already archived
    const parts = await catalog.send<CategoryDto>(CreateCategory, { name: 'Audit parts' });
    await catalog.send(UpdateCategory, { id: parts.id, name: 'Audited parts' }, staffLike);

    const mine = await catalog.send<AuditEntryDto[]>(ListCatalogAudit, {
      actorId: staffLike.userId,
      limit: 10,
    });
    expect(mine.map((entry) => [entry.action, entry.summary])).toEqual([
      ['category.updated', 'Category "Audit parts": renamed "Audit parts" to "Audited parts"'],
      ['product.archived', 'Archived AUD-ARC'],
    ]);
    const categories = await catalog.send<AuditEntryDto[]>(ListCatalogAudit, {
      action: 'category.',
      limit: 10,
    });
    expect(categories.map((entry) => entry.action)).toEqual([
      'category.updated',
      'category.created',
    ]);
  });

  it('refuses to change or delete an entry: the trail is append-only', async () => {
    const product = await catalog.send<ProductDto>(CreateProduct, { sku: 'AUD-RO', name: 'RO' });
    await expect(
      catalog.db.query(`UPDATE audit_entries SET summary = 'edited' WHERE entity_id = $1`, [
        product.id,
      ]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(
      catalog.db.query(`DELETE FROM audit_entries WHERE entity_id = $1`, [product.id]),
    ).rejects.toThrow(/append-only: DELETE refused/);
    await expect(catalog.db.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
    expect(await rows(product.id)).toBe(1);
  });

  it('refuses a bad filter, naming the field', async () => {
    const error = await catalog.fail(ListCatalogAudit, { actorId: 'nobody', limit: 10 });
    expect(error.getStatus()).toBe(400);
    expect(JSON.stringify(error.getResponse())).toContain('actorId');
  });
});
