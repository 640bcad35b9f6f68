import { eventually, startTestStack, type TestStack } from './support';
import { pngFile } from './sample-files';

interface Json {
  [key: string]: unknown;
}

/**
 * The catalog as a user meets it: through the gateway of a whole stack started like
 * `npm start` (seeded), with media going straight to the S3 stand-in.
 */
describe('the catalog through the gateway', () => {
  let stack: TestStack;
  const logLines: { app: string; entry: Json }[] = [];
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack({
      seed: true,
      onLine: (app, line) => {
        try {
          logLines.push({ app, entry: JSON.parse(line) });
        } catch {
          // not a JSON log line
        }
      },
    });
    // Routes need a signed-in user once the gateway has its authentication.
    const login = await fetch(`${stack.urls.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: stack.admin.email, password: stack.admin.password }),
    });
    if (login.ok) {
      const { accessToken } = (await login.json()) as { accessToken: string };
      headers = { authorization: `Bearer ${accessToken}` };
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function api(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const response = await fetch(`${stack.urls.api}${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as Json & { items: Json[] },
    };
  }

  it('serves the seeded electronics catalog: search, subtree filter, counts, stock block', async () => {
    const search = await api('GET', '/products?search=esp32%20devkitc%20v4');
    expect(search.status).toBe(200);
    expect(search.body.items.map((item) => item.sku)).toEqual(['MCU-ESP-32']);
    expect(search.body.items[0]).toMatchObject({
      name: 'ESP32 DevKitC V4',
      manufacturer: 'Espressif',
      currency: 'USD',
      category: { path: ['Microcontrollers', 'ESP32'] },
    });
    expect(search.body.items[0]).toHaveProperty('stock');

    const categories = await api('GET', '/categories');
    const microcontrollers = (categories.body as unknown as Json[]).find(
      (category) => category.name === 'Microcontrollers',
    )!;
    expect(microcontrollers.productCount).toBe(12);
    const inTree = await api('GET', `/products?categoryId=${microcontrollers.id}&pageSize=100`);
    expect(inTree.body.total).toBe(12);
    expect(inTree.body.items.map((item) => item.sku)).toEqual(
      expect.arrayContaining(['MCU-ARD-UNO', 'SBC-RPI-4B-4GB', 'MCU-ESP-32']),
    );
  });

  it('filters the parts list by stock status: a part issued down to its reorder level is listed as low within seconds', async () => {
    const skus = async (query: string) =>
      ((await api('GET', `/products?${query}`)).body.items ?? []).map((item) => item.sku);
    // The seed's opening stock leaves two parts at or below their reorder level.
    await eventually(
      'the seed’s low parts in the low filter',
      async () => (await skus('status=low')).sort().join() === 'MCU-ESP-32,PWR-BAT-9V',
      20_000,
    );
    expect(await skus('status=low&search=esp32')).toEqual(['MCU-ESP-32']);

    const [part] = (await api('GET', '/products?sku=MCU-ESP-8266')).body.items;
    expect(part.stock).toMatchObject({ onHand: 30, reorderLevel: 10, status: 'ok' });
    expect(await skus('status=ok&search=esp8266')).toEqual(['MCU-ESP-8266']);
    const issued = await api('POST', '/stock/movements', {
      productId: part.id,
      type: 'issue',
      quantity: 20,
    });
    expect(issued.status).toBe(201);
    const started = Date.now();
    await eventually(
      'MCU-ESP-8266 in the low filter',
      async () => (await skus('status=low&search=esp8266')).includes('MCU-ESP-8266'),
      5_000,
    );
    console.log(`status filter caught up ${Date.now() - started} ms after the movement`);
    expect(await skus('status=ok&search=esp8266')).toEqual([]);
    const [listed] = (await api('GET', '/products?status=low&search=esp8266')).body.items;
    expect(listed.stock).toMatchObject({ onHand: 10, status: 'low' });

    const bad = await api('GET', '/products?status=empty');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'status', message: 'status must be one of ok, low, out' },
    ]);
  });

  it('attaches an image uploaded straight to S3, and logs it under the request id', async () => {
    const list = await api('GET', '/products?search=PWR-BAT-9V');
    const battery = list.body.items[0];
    const png = pngFile(300);
    const ticket = await api('POST', `/products/${battery.id}/media/uploads`, {
      kind: 'image',
      filename: '9v.png',
      contentType: 'image/png',
      size: png.length,
    });
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.url as string, {
      method: 'PUT',
      headers: ticket.body.headers as Record<string, string>,
      body: new Uint8Array(png),
    });
    expect(put.status).toBe(200);
    const requestId = `catalog-system-${Date.now()}`;
    const completed = await api(
      'POST',
      `/products/${battery.id}/media/uploads/${ticket.body.uploadId}/complete`,
      {},
      { 'x-request-id': requestId },
    );
    expect(completed.status).toBe(201);
    expect(completed.body).toMatchObject({ kind: 'image', primary: true });
    const image = await fetch(completed.body.url as string);
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);

    const attached = logLines.find(
      ({ app, entry }) => app === 'catalog' && entry.event === 'media.attached',
    );
    expect(attached?.entry).toMatchObject({
      service: 'catalog',
      correlationId: requestId,
      productId: battery.id,
    });
  });

  it('exports the catalog as CSV and imports it back unchanged', async () => {
    const exported = await fetch(`${stack.urls.api}/products/export.csv`, { headers });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const csv = await exported.text();
    expect(csv.split('\n')[0]).toBe(
      'sku,name,description,category,unitCost,salePrice,currency,manufacturer,mpn,parameters,active',
    );
    expect(csv).toContain(
      'PWR-BAT-9V,9V battery (alkaline),6LR61 alkaline block battery.,Power > Batteries,1.60,3.20,USD,Duracell,MN1604',
    );

    const imported = await fetch(`${stack.urls.api}/products/import`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({
      rows: 45,
      created: 0,
      updated: 0,
      unchanged: 45,
    });
  });

  it('takes no movement for a product once its archive or delete has answered, with a 20,000-row import in flight', async () => {
    const create = async (sku: string) =>
      (await api('POST', '/products', { sku, name: `Retired ${sku}` })).body.id as string;
    const receive = (productId: string) =>
      api('POST', '/stock/movements', { productId, type: 'receive', quantity: 1 });
    const [archivedDuring, deletedAfter, archivedAfter] = await Promise.all([
      create('RETIRE-DURING'),
      create('RETIRE-DELETE'),
      create('RETIRE-AFTER'),
    ]);
    // Stock knows the first one already (it has moved); the others it may not have heard of.
    expect((await receive(archivedDuring)).status).toBe(201);

    const rows = Array.from({ length: 20_000 }, (_, i) => `BULK-${i},Bulk part ${i}`);
    const started = Date.now();
    const importing = fetch(`${stack.urls.api}/products/import`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: ['sku,name', ...rows].join('\n'),
    });

    // While the import runs …
    expect((await api('POST', `/products/${archivedDuring}/archive`)).status).toBe(200);
    const during = await receive(archivedDuring);
    expect(during.status).toBe(422);
    expect(during.body.message).toContain('is archived in the catalog');

    // … and right after it answered, with its events still on their way to stock.
    const imported = await importing;
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ created: 20_000 });
    expect((await api('DELETE', `/products/${deletedAfter}`)).status).toBe(204);
    expect((await api('POST', `/products/${archivedAfter}/archive`)).status).toBe(200);
    for (const productId of [deletedAfter, archivedAfter]) {
      const refused = await receive(productId);
      expect([productId, refused.status]).toEqual([productId, 422]);
    }
    process.stdout.write(
      `archive/delete during and after a 20,000-row import: refused at once (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  });
});
