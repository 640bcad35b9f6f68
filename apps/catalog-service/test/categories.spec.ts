import {
  type CategoryDto,
  type ProductDto,
  CreateCategory,
  CreateProduct,
  DeleteCategory,
  GetCategory,
  ListCategories,
  UpdateCategory,
  UpdateProduct,
} from '@inventory/contracts';
import { type CatalogHarness, startCatalog } from './support/catalog-harness';

describe('category tree (bus, real Postgres)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
  });

  afterAll(async () => {
    await catalog?.close();
  });

  const create = (name: string, parentId?: string) =>
    catalog.send<CategoryDto>(CreateCategory, { name, parentId });
  const product = (sku: string, categoryId: string | null, active = true) =>
    catalog.send<ProductDto>(CreateProduct, {
      sku,
      name: `Part ${sku}`,
      categoryId,
      active,
    });

  it('builds a tree with paths, and keeps names unique among siblings whatever their case', async () => {
    const mcu = await create('Microcontrollers');
    const esp = await create('ESP32', mcu.id);
    expect(esp).toMatchObject({ parentId: mcu.id, path: ['Microcontrollers', 'ESP32'], depth: 1 });

    const clash = await catalog.fail(CreateCategory, {
      name: 'esp32',
      parentId: mcu.id,
    });
    expect(clash.getStatus()).toBe(409);
    expect(clash.message).toContain(
      'A category named "esp32" already exists in "Microcontrollers"',
    );

    // The same name elsewhere in the tree is fine.
    const power = await create('Power');
    await expect(create('ESP32', power.id)).resolves.toMatchObject({ path: ['Power', 'ESP32'] });
    // And at the top level, case-insensitively unique too.
    expect((await catalog.fail(CreateCategory, { name: 'POWER' })).getStatus()).toBe(409);
  });

  it('refuses a move that would make a category its own ancestor, and allows any other move', async () => {
    const a = await create('Cycle A');
    const b = await create('Cycle B', a.id);
    const c = await create('Cycle C', b.id);

    for (const target of [c.id, b.id, a.id]) {
      const refused = await catalog.fail(UpdateCategory, {
        id: a.id,
        parentId: target,
      });
      expect(refused.getStatus()).toBe(409);
      expect(refused.message).toMatch(/cannot be moved into itself or its own subcategories/);
    }
    const tree = await catalog.send<CategoryDto[]>(ListCategories, {});
    expect(tree.find((category) => category.id === a.id)?.parentId).toBeNull();

    // Moving C to the top, then A under C, is fine: no cycle any more.
    await catalog.send(UpdateCategory, { id: c.id, parentId: null });
    const moved = await catalog.send<CategoryDto>(UpdateCategory, {
      id: a.id,
      parentId: c.id,
    });
    expect(moved.path).toEqual(['Cycle C', 'Cycle A']);
    const bNow = await catalog.send<CategoryDto>(GetCategory, { id: b.id });
    expect(bNow.path).toEqual(['Cycle C', 'Cycle A', 'Cycle B']);
  });

  it('counts products including those of every descendant, archived ones separately', async () => {
    const sensors = await create('Sensors');
    const environment = await create('Environment', sensors.id);
    const temperature = await create('Temperature', environment.id);
    await product('CNT-DHT22', temperature.id);
    await product('CNT-BME280', environment.id);
    await product('CNT-OLD', temperature.id, false);
    await product('CNT-PIR', sensors.id);

    const list = await catalog.send<CategoryDto[]>(ListCategories, {});
    const counts = (id: string) => {
      const found = list.find((category) => category.id === id)!;
      return [found.productCount, found.activeProductCount];
    };
    expect(counts(sensors.id)).toEqual([4, 3]);
    expect(counts(environment.id)).toEqual([3, 2]);
    expect(counts(temperature.id)).toEqual([2, 1]);
    // Depth-first order: a parent right before its children.
    const order = list.map((category) => category.name);
    expect(order.indexOf('Sensors')).toBe(order.indexOf('Environment') - 1);
  });

  it('deletes a category only when empty, saying what is still in it', async () => {
    const parent = await create('Deletable parent');
    const child = await create('Deletable child', parent.id);
    await product('DEL-CAT-1', child.id);

    const withChild = await catalog.fail(DeleteCategory, { id: parent.id });
    expect(withChild.getStatus()).toBe(409);
    expect(withChild.message).toBe(
      'Category "Deletable parent" is not empty: it holds 1 subcategory. Move or delete them first.',
    );
    const withProduct = await catalog.fail(DeleteCategory, { id: child.id });
    expect(withProduct.getStatus()).toBe(409);
    expect(withProduct.message).toContain('it holds 1 product');

    const [{ id: productId }] = await catalog.db.query(
      `SELECT id FROM products WHERE sku = 'DEL-CAT-1'`,
    );
    await catalog.send(UpdateProduct, { id: productId, categoryId: null });
    await catalog.send(DeleteCategory, { id: child.id });
    await catalog.send(DeleteCategory, { id: parent.id });
    const missing = await catalog.fail(GetCategory, { id: parent.id });
    expect(missing.getStatus()).toBe(404);
  });

  it('names the offending field of a bad request', async () => {
    const error = await catalog.fail(CreateCategory, {
      name: '',
      parentId: 'not-a-uuid',
      colour: 'red',
    });
    expect(error.getStatus()).toBe(400);
    const fields = (error.getResponse() as { details: { field: string }[] }).details.map(
      (detail) => detail.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['name', 'parentId', 'colour']));
  });
});
