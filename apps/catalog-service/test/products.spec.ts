import {
  type CategoryDto,
  type Page,
  type ProductDto,
  Role,
  ArchiveProduct,
  CreateCategory,
  CreateProduct,
  GetProduct,
  GetProducts,
  ListProducts,
  UpdateProduct,
} from '@inventory/contracts';
import { admin, type CatalogHarness, startCatalog } from './support/catalog-harness';

describe('products (bus, real Postgres)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog({ DEFAULT_CURRENCY: 'EUR' });
  });

  afterAll(async () => {
    await catalog?.close();
  });

  const create = (data: Record<string, unknown>) => catalog.send<ProductDto>(CreateProduct, data);
  const list = (query: Record<string, unknown>) =>
    catalog.send<Page<ProductDto>>(ListProducts, query);

  it('stores prices as exact decimals (strings in, strings out), with the configured default currency', async () => {
    const product = await create({
      sku: ' mcu-ard-uno ',
      name: 'Arduino Uno R3',
      unitCost: '0.1',
      salePrice: '123456789012.1234',
      manufacturer: 'Arduino',
      mpn: 'A000066',
      parameters: { microcontroller: 'ATmega328P', flashKb: 32, usb: true },
    });
    expect(product).toMatchObject({
      sku: 'MCU-ARD-UNO',
      unitCost: '0.1',
      salePrice: '123456789012.1234',
      currency: 'EUR',
      active: true,
      createdBy: admin.userId,
      updatedBy: admin.userId,
      parameters: { microcontroller: 'ATmega328P', flashKb: 32, usb: true },
    });
    const [row] = await catalog.db.query(
      `SELECT unit_cost + 0.2 AS sum FROM products WHERE id = $1`,
      [product.id],
    );
    expect(row.sum).toBe('0.3'); // not 0.30000000000000004

    const read = await catalog.send<ProductDto>(GetProduct, { id: product.id });
    expect(read).toEqual(product);
  });

  it('refuses prices given as JSON numbers, too many decimals, and unknown currencies, naming each field', async () => {
    const error = await catalog.fail(CreateProduct, {
      sku: 'BAD-PRICE',
      name: 'Bad price',
      unitCost: 12.5,
      salePrice: '1.23456',
      currency: 'EURO',
      parameters: { nested: { no: true } },
    });
    expect(error.getStatus()).toBe(400);
    const details = (error.getResponse() as { details: { field: string; message: string }[] })
      .details;
    expect(details.map((d) => d.field).sort()).toEqual(
      ['currency', 'parameters', 'salePrice', 'unitCost', 'unitCost'].sort(),
    );
    expect(details.find((d) => d.field === 'unitCost')?.message).toContain('never a JSON number');
    const [{ count }] = await catalog.db.query(
      `SELECT count(*)::int AS count FROM products WHERE sku = 'BAD-PRICE'`,
    );
    expect(count).toBe(0);
  });

  it('refuses a SKU already used, in any case, naming the product that has it', async () => {
    const first = await create({ sku: 'PWR-BAT-9V', name: '9V battery' });
    const clash = await catalog.fail(CreateProduct, {
      sku: 'pwr-bat-9v',
      name: 'Another 9V battery',
    });
    expect(clash.getStatus()).toBe(409);
    expect(clash.message).toBe(
      `SKU PWR-BAT-9V is already used by "9V battery" (product ${first.id})`,
    );

    const other = await create({ sku: 'PWR-BAT-AA', name: 'AA battery' });
    const renamed = await catalog.fail(UpdateProduct, {
      id: other.id,
      sku: 'Pwr-Bat-9v',
    });
    expect(renamed.getStatus()).toBe(409);
    expect(renamed.message).toContain(first.id);
  });

  it('updates only what is given, records who changed it, and clears fields set to null', async () => {
    const product = await create({
      sku: 'UPD-1',
      name: 'Before',
      description: 'old text',
      salePrice: '10.00',
    });
    const staff = { userId: '5e2f1a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b', role: Role.Staff };
    const updated = await catalog.send<ProductDto>(
      UpdateProduct,
      { id: product.id, name: 'After', description: null, salePrice: '10.0' },
      staff,
    );
    expect(updated).toMatchObject({
      name: 'After',
      description: null,
      salePrice: '10.00', // the same amount: not a change
      createdBy: admin.userId,
      updatedBy: staff.userId,
    });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(
      new Date(product.updatedAt).getTime(),
    );
    const nameNull = await catalog.fail(UpdateProduct, {
      id: product.id,
      name: null,
    });
    expect(nameNull.getStatus()).toBe(400);
  });

  it('archives instead of forgetting: archived products stay readable and filterable', async () => {
    const product = await create({ sku: 'ARC-1', name: 'Archivable' });
    const archived = await catalog.send<ProductDto>(ArchiveProduct, {
      id: product.id,
    });
    expect(archived.active).toBe(false);
    expect(archived.archivedAt).not.toBeNull();
    // Archiving again changes nothing.
    const again = await catalog.send<ProductDto>(ArchiveProduct, {
      id: product.id,
    });
    expect(again.archivedAt).toBe(archived.archivedAt);

    const page = await list({ search: 'ARC-1', active: false });
    expect(page.items.map((item) => item.sku)).toEqual(['ARC-1']);
    expect((await list({ search: 'ARC-1', active: true })).total).toBe(0);
    // Brought back by an update.
    const back = await catalog.send<ProductDto>(UpdateProduct, {
      id: product.id,
      active: true,
    });
    expect(back).toMatchObject({ active: true, archivedAt: null });
  });

  it('answers get and getMany with at least id, sku, name and active; 404 for an unknown id', async () => {
    const a = await create({ sku: 'GM-A', name: 'Get many A' });
    const b = await create({ sku: 'GM-B', name: 'Get many B', active: false });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const many = await catalog.send<ProductDto[]>(GetProducts, {
      ids: [b.id, unknown, a.id],
    });
    expect(many.map(({ id, sku, name, active }) => ({ id, sku, name, active }))).toEqual([
      { id: b.id, sku: 'GM-B', name: 'Get many B', active: false },
      { id: a.id, sku: 'GM-A', name: 'Get many A', active: true },
    ]);
    const missing = await catalog.fail(GetProduct, { id: unknown });
    expect(missing.getStatus()).toBe(404);
    expect(missing.message).toBe(`Product ${unknown} not found`);
  });

  describe('list: search, subtree filter, paging, sorting', () => {
    let microcontrollers: CategoryDto;
    let esp32: CategoryDto;

    beforeAll(async () => {
      microcontrollers = await catalog.send<CategoryDto>(CreateCategory, {
        name: 'Search MCU',
      });
      esp32 = await catalog.send<CategoryDto>(CreateCategory, {
        name: 'Search ESP32',
        parentId: microcontrollers.id,
      });
      const power = await catalog.send<CategoryDto>(CreateCategory, {
        name: 'Search Power',
      });
      await create({
        sku: 'S-ESP32-DEVKIT',
        name: 'ESP32 DevKitC V4',
        categoryId: esp32.id,
        mpn: 'ESP32-DEVKITC-32E',
        salePrice: '11.90',
      });
      await create({
        sku: 'S-ESP32-S3',
        name: 'ESP32-S3 board',
        categoryId: esp32.id,
        salePrice: '17.50',
      });
      await create({
        sku: 'S-UNO',
        name: 'Uno R3 board',
        categoryId: microcontrollers.id,
        description: 'The classic ATmega328P board',
        salePrice: '27.60',
      });
      await create({
        sku: 'S-LIPO',
        name: 'LiPo cell',
        categoryId: power.id,
        mpn: 'LP-503035',
        salePrice: '5.00',
      });
    });

    const skus = (page: Page<ProductDto>) => page.items.map((item) => item.sku);

    it('matches name, SKU, MPN and description partially, in any case; every word must match', async () => {
      expect(skus(await list({ search: 'devkit' }))).toEqual(['S-ESP32-DEVKIT']);
      expect(skus(await list({ search: 'esp32', sort: 'sku' }))).toEqual([
        'S-ESP32-DEVKIT',
        'S-ESP32-S3',
      ]);
      expect(skus(await list({ search: 'lp-5030' }))).toEqual(['S-LIPO']); // MPN
      expect(skus(await list({ search: 'atmega328' }))).toEqual(['S-UNO']); // description
      expect(skus(await list({ search: 's-uno' }))).toEqual(['S-UNO']); // SKU
      expect(skus(await list({ search: 'board esp32' }))).toEqual(['S-ESP32-S3']);
      expect((await list({ search: '100%' })).total).toBe(0); // % is a character, not a wildcard
    });

    it('finds exactly one SKU in any case, never a partial match', async () => {
      expect(skus(await list({ sku: 's-esp32-s3' }))).toEqual(['S-ESP32-S3']);
      expect(skus(await list({ sku: ' S-UNO ' }))).toEqual(['S-UNO']);
      expect((await list({ sku: 'S-ESP32' })).total).toBe(0);
    });

    it('filters by category including its descendants', async () => {
      const inMcu = await list({ categoryId: microcontrollers.id, sort: 'sku' });
      expect(skus(inMcu)).toEqual(['S-ESP32-DEVKIT', 'S-ESP32-S3', 'S-UNO']);
      expect(inMcu.items[0].category).toEqual({
        id: esp32.id,
        name: 'Search ESP32',
        path: ['Search MCU', 'Search ESP32'],
      });
      expect(skus(await list({ categoryId: esp32.id, search: 's3' }))).toEqual(['S-ESP32-S3']);
      const unknown = await catalog.fail(ListProducts, {
        categoryId: '00000000-0000-4000-8000-000000000000',
      });
      expect(unknown.getStatus()).toBe(404);
    });

    it('pages and sorts, answering items, total, page and pageSize', async () => {
      const first = await list({
        categoryId: microcontrollers.id,
        sort: '-salePrice',
        pageSize: 2,
      });
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(skus(first)).toEqual(['S-UNO', 'S-ESP32-S3']);
      const second = await list({
        categoryId: microcontrollers.id,
        sort: '-salePrice',
        pageSize: 2,
        page: 2,
      });
      expect(skus(second)).toEqual(['S-ESP32-DEVKIT']);
      // Query strings arrive as text: numbers and booleans are converted.
      const fromQuery = await list({
        search: 'esp32',
        pageSize: '1',
        page: '2',
        active: 'true',
        sort: 'sku',
      });
      expect(fromQuery).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(skus(fromQuery)).toEqual(['S-ESP32-S3']);
      // Past the last page: no items, the total still right.
      const beyond = await list({ search: 'esp32', page: 9 });
      expect(beyond).toMatchObject({ items: [], total: 2, page: 9 });
    });

    it('refuses a page size over 100 and an unknown sort, naming the field', async () => {
      const error = await catalog.fail(ListProducts, {
        pageSize: 101,
        sort: 'price',
      });
      expect(error.getStatus()).toBe(400);
      expect(error.message).toMatch(/^Invalid request: (pageSize, sort|sort, pageSize)$/);
    });
  });
});
