import { randomUUID } from 'node:crypto';
import {
  Controller,
  type INestApplication,
  type INestMicroservice,
  Logger,
  Module,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, RpcException, Transport } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import SwaggerParser from '@apidevtools/swagger-parser';
import {
  type ExportPageDto,
  type ProductDto,
  type StockLevel,
  CreateProduct,
  ExportProducts,
  GetProduct,
  GetStockLevels,
  ImportProducts,
  ListProducts,
  RequestMediaUpload,
  SaveImportPart,
} from '@inventory/contracts';
import { freePort } from '@inventory/local-stack';
import { BusModule, ConfigModule, createValidationPipe, loadConfig } from '@inventory/platform';
import { CatalogModule } from '../src/catalog/catalog.module';
import { configOptions } from '../src/config-options';
import { GatewayConfig } from '../src/gateway.config';

/** What the stand-in services were asked, by pattern. */
const asked: Record<string, unknown[]> = {};
const record = (pattern: string, data: unknown) => (asked[pattern] ??= []).push(data);

const product = (sku: string): ProductDto => ({
  id: randomUUID(),
  sku,
  name: `Part ${sku}`,
  description: null,
  categoryId: null,
  category: null,
  unitCost: '1.00',
  salePrice: '2.50',
  currency: 'EUR',
  manufacturer: null,
  mpn: null,
  parameters: {},
  active: true,
  archivedAt: null,
  primaryImageUrl: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-11-24T10:00:00.000Z',
  updatedBy: null,
});
const catalogProducts = [product('A-1'), product('A-2'), product('A-3')];
const EXPORT_PAGES: ExportPageDto[] = [
  { csv: 'sku,name\nA-1,One\n', rows: 1, next: 'A-1' },
  { csv: 'A-2,Two\n', rows: 1, next: 'A-2' },
  { csv: 'A-3,Three\n', rows: 1, next: null },
];
const importParts = new Map<string, string[]>();

/** The catalog service as the gateway sees it over the bus (its own tests cover its rules). */
@Controller()
class FakeCatalog {
  @MessagePattern(ListProducts.pattern)
  list(@Payload('data') data: unknown) {
    record(ListProducts.pattern, data);
    return { items: catalogProducts, total: 3, page: 1, pageSize: 20 };
  }

  @MessagePattern(GetProduct.pattern)
  get(@Payload('data') data: { id: string }) {
    const found = catalogProducts.find((p) => p.id === data.id);
    if (!found) {
      throw new RpcException({
        statusCode: 404,
        error: 'Not Found',
        message: `Product ${data.id} not found`,
      });
    }
    return found;
  }

  @MessagePattern(CreateProduct.pattern)
  create(@Payload('data') data: { sku: string }) {
    throw new RpcException({
      statusCode: 409,
      error: 'Conflict',
      message: `SKU ${data.sku} is already used by "Part A-1" (product ${catalogProducts[0].id})`,
    });
  }

  @MessagePattern(ExportProducts.pattern)
  export(@Payload('data') data: { after?: string }) {
    record(ExportProducts.pattern, data);
    return (
      EXPORT_PAGES[EXPORT_PAGES.findIndex((page) => page.next === data.after) + 1] ??
      EXPORT_PAGES[0]
    );
  }

  @MessagePattern(SaveImportPart.pattern)
  importPart(@Payload('data') data: { importId: string; index: number; text: string }) {
    record(SaveImportPart.pattern, { ...data, text: data.text.length });
    const parts = importParts.get(data.importId) ?? [];
    parts[data.index] = data.text;
    importParts.set(data.importId, parts);
    return { importId: data.importId, index: data.index };
  }

  @MessagePattern(ImportProducts.pattern)
  import(
    @Payload('data') data: { csv?: string; importId?: string; parts?: number; partial?: boolean },
  ) {
    const text = data.csv ?? importParts.get(data.importId!)!.join('');
    record(ImportProducts.pattern, { ...data, csv: undefined, text });
    const rows = text.trimEnd().split('\n').length - 1;
    return {
      rows,
      created: rows,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
      errorsTruncated: false,
    };
  }

  @MessagePattern(RequestMediaUpload.pattern)
  requestUpload(@Payload('data') data: unknown) {
    record(RequestMediaUpload.pattern, data);
    return { uploadId: 'u', url: 'http://s3/x', method: 'PUT', headers: {}, expiresAt: 'soon' };
  }
}

@Controller()
class FakeStock {
  @MessagePattern(GetStockLevels.pattern)
  levels(@Payload('data') data: { productIds: string[] }): StockLevel[] {
    record(GetStockLevels.pattern, data);
    return data.productIds.map((productId, i) => ({
      productId,
      sku: null,
      name: null,
      onHand: 10 * i,
      reorderLevel: 5,
      status: i === 0 ? 'out' : 'ok',
      location: 'Shelf B3',
      lastMovementAt: null,
    }));
  }
}

@Module({ controllers: [FakeCatalog] })
class FakeCatalogModule {}
@Module({ controllers: [FakeStock] })
class FakeStockModule {}

async function microservice(module: unknown, port: number): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module as never, {
    transport: Transport.TCP,
    options: { host: '127.0.0.1', port },
    logger: false,
  });
  await app.listen();
  return app;
}

describe('gateway catalog routes (real bus to stand-in services)', () => {
  let gateway: NestFastifyApplication;
  let catalog: INestMicroservice;
  let stock: INestMicroservice | undefined;
  let stockPort: number;
  const CSV_LIMIT = 2_000_000;

  beforeAll(async () => {
    const catalogPort = await freePort();
    stockPort = await freePort();
    catalog = await microservice(FakeCatalogModule, catalogPort);
    stock = await microservice(FakeStockModule, stockPort);
    const config = loadConfig(
      GatewayConfig,
      {
        NODE_ENV: 'test',
        DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
        CATALOG_SERVICE_URL: `tcp://127.0.0.1:${catalogPort}`,
        STOCK_SERVICE_URL: `tcp://127.0.0.1:${stockPort}`,
        CSV_IMPORT_MAX_BYTES: String(CSV_LIMIT),
      },
      configOptions,
    );
    @Module({ imports: [ConfigModule.forRoot(config), BusModule, CatalogModule] })
    class GatewayUnderTest {}
    gateway = await NestFactory.create<NestFastifyApplication>(
      GatewayUnderTest,
      new FastifyAdapter(),
      {
        logger: ['error'],
      },
    );
    gateway.setGlobalPrefix('api/v1');
    gateway.useGlobalPipes(createValidationPipe());
    await gateway.init();
    await gateway.getHttpAdapter().getInstance().ready();
  });

  beforeEach(() => {
    for (const key of Object.keys(asked)) delete asked[key];
  });

  afterAll(async () => {
    await (gateway as INestApplication | undefined)?.close();
    await catalog?.close();
    await stock?.close();
  });

  const inject = (options: Parameters<NestFastifyApplication['inject']>[0]) =>
    gateway.inject(options as never);

  it('lists products with their stock, asking the stock service once for the whole page', async () => {
    const response = await inject({
      method: 'GET',
      url: '/api/v1/products?search=esp32&active=true&page=1&pageSize=20',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(
      body.items.map((item: { sku: string; stock: unknown }) => [item.sku, item.stock]),
    ).toEqual([
      [
        'A-1',
        { onHand: 0, reorderLevel: 5, status: 'out', location: 'Shelf B3', lastMovementAt: null },
      ],
      [
        'A-2',
        { onHand: 10, reorderLevel: 5, status: 'ok', location: 'Shelf B3', lastMovementAt: null },
      ],
      [
        'A-3',
        { onHand: 20, reorderLevel: 5, status: 'ok', location: 'Shelf B3', lastMovementAt: null },
      ],
    ]);
    expect(asked[GetStockLevels.pattern]).toEqual([
      { productIds: catalogProducts.map((p) => p.id) },
    ]);
    // The query reached the catalog converted by the validation pipe.
    expect(asked[ListProducts.pattern]).toEqual([
      { search: 'esp32', active: true, page: 1, pageSize: 20 },
    ]);
  });

  it('looks a code up by exact SKU, upper-cased like the catalog stores it', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/products?sku=mcu-esp-32' });
    expect(response.statusCode).toBe(200);
    expect(asked[ListProducts.pattern]?.at(-1)).toEqual({ sku: 'MCU-ESP-32' });
    const tooLong = await inject({ method: 'GET', url: `/api/v1/products?sku=${'X'.repeat(65)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details.map((d: { field: string }) => d.field)).toEqual(['sku']);
  });

  it('answers the products with stock: null, and logs a warning, while the stock service is down', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await stock!.close();
    stock = undefined;
    try {
      const response = await inject({
        method: 'GET',
        url: `/api/v1/products/${catalogProducts[1].id}`,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ sku: 'A-2', stock: null });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ event: 'stock.unavailable', products: 1 }),
        expect.any(String),
      );
    } finally {
      warn.mockRestore();
      stock = await microservice(FakeStockModule, stockPort);
    }
  });

  it('passes the catalog service’s answer on: 404, 409 with its message, 400 for a bad query', async () => {
    const missing = await inject({ method: 'GET', url: `/api/v1/products/${randomUUID()}` });
    expect(missing.statusCode).toBe(404);
    const clash = await inject({
      method: 'POST',
      url: '/api/v1/products',
      payload: { sku: 'a-1', name: 'Again' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toContain('is already used by "Part A-1"');
    const tooBig = await inject({ method: 'GET', url: '/api/v1/products?pageSize=500' });
    expect(tooBig.statusCode).toBe(400);
  });

  it('streams the CSV export page after page as one download', async () => {
    const response = await inject({ method: 'GET', url: '/api/v1/products/export.csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.body).toBe('sku,name\nA-1,One\nA-2,Two\nA-3,Three\n');
    expect(asked[ExportProducts.pattern]).toEqual([{}, { after: 'A-1' }, { after: 'A-2' }]);
  });

  it('exports with the list filters, passed on with every page, and refuses a bad filter by name', async () => {
    asked[ExportProducts.pattern] = [];
    const categoryId = '0b7c6c7e-9d7a-4d52-9a53-0d3c1f6e8a11';
    const response = await inject({
      method: 'GET',
      url: `/api/v1/products/export.csv?search=%20esp32%20&active=true&categoryId=${categoryId}&status=low&sku=mcu-esp-32`,
    });
    expect(response.statusCode).toBe(200);
    const filters = { search: 'esp32', active: true, categoryId, status: 'low', sku: 'MCU-ESP-32' };
    expect(asked[ExportProducts.pattern]).toEqual([
      filters,
      { ...filters, after: 'A-1' },
      { ...filters, after: 'A-2' },
    ]);
    const bad = await inject({ method: 'GET', url: '/api/v1/products/export.csv?active=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: 'active', message: 'active must be true or false' },
    ]);
    const badStatus = await inject({
      method: 'GET',
      url: '/api/v1/products/export.csv?status=empty',
    });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().details).toEqual([
      { field: 'status', message: 'status must be one of ok, low, out' },
    ]);
  });

  it('sends a small CSV in one message and a large one in parts that add up to the file', async () => {
    const small = 'sku,name\nX-1,One\n';
    const answer = await inject({
      method: 'POST',
      url: '/api/v1/products/import?partial=true',
      headers: { 'content-type': 'text/csv' },
      payload: small,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ rows: 1, created: 1 });
    expect(asked[ImportProducts.pattern]).toEqual([{ partial: true, text: small }]);
    expect(asked[SaveImportPart.pattern]).toBeUndefined();

    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `BIG-${i},Ünïcode part ${i} ${'x'.repeat(40)}`,
    );
    const large = `sku,name\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(large)).toBeGreaterThan(1024 * 1024);
    const big = await inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      payload: large,
    });
    expect(big.statusCode).toBe(200);
    expect(big.json()).toMatchObject({ rows: 20_000 });
    const parts = asked[SaveImportPart.pattern] as { index: number; text: number }[];
    expect(parts.length).toBe(Math.ceil(large.length / 200_000));
    expect(parts.every((part) => part.text <= 200_000)).toBe(true);
    const imported = (asked[ImportProducts.pattern] as { text: string; parts: number }[])[1];
    expect(imported.parts).toBe(parts.length);
    expect(imported.text).toBe(large);
  });

  it('refuses a CSV over CSV_IMPORT_MAX_BYTES (413) and a body that is not CSV (415)', async () => {
    const tooLarge = await inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { 'content-type': 'text/csv' },
      payload: `sku,name\n${'A,B\n'.repeat(CSV_LIMIT / 4 + 10)}`,
    });
    expect(tooLarge.statusCode).toBe(413);
    // The import's own limit, not the JSON body limit.
    expect(tooLarge.json().message).toBe(
      'The CSV file is too large: at most 2,000,000 bytes are accepted (CSV_IMPORT_MAX_BYTES)',
    );
    const json = await inject({
      method: 'POST',
      url: '/api/v1/products/import',
      payload: { sku: 'A' },
    });
    expect(json.statusCode).toBe(415);
    expect(asked[ImportProducts.pattern]).toBeUndefined();
  });

  it('decodes the file by its byte order mark or charset, and refuses one that is not UTF-8 (415)', async () => {
    const latin1 = Buffer.from('sku,name\nL-1,Größe\n', 'latin1');
    const named = await inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { 'content-type': 'text/csv; charset=iso-8859-1' },
      payload: latin1,
    });
    expect(named.statusCode).toBe(200);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('sku,name\nU-1,Ωmega\n', 'utf16le'),
    ]);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/products/import',
          headers: { 'content-type': 'text/csv' },
          payload: utf16,
        })
      ).statusCode,
    ).toBe(200);
    expect(asked[ImportProducts.pattern]).toEqual([
      { text: 'sku,name\nL-1,Größe\n' },
      { text: 'sku,name\nU-1,Ωmega\n' },
    ]);
    const unnamed = await inject({
      method: 'POST',
      url: '/api/v1/products/import',
      headers: { 'content-type': 'text/csv' },
      payload: latin1,
    });
    expect(unnamed.statusCode).toBe(415);
    expect(unnamed.json().message).toMatch(/^The file is not valid UTF-8 \(first at line 2\)/);
    expect(asked[ImportProducts.pattern]).toHaveLength(2);
  });

  it('passes the product id of the route to media requests', async () => {
    const id = randomUUID();
    const response = await inject({
      method: 'POST',
      url: `/api/v1/products/${id}/media/uploads`,
      payload: { kind: 'image', filename: 'a.png', contentType: 'image/png', size: 100 },
    });
    expect(response.statusCode).toBe(201);
    expect(asked[RequestMediaUpload.pattern]).toEqual([
      { kind: 'image', filename: 'a.png', contentType: 'image/png', size: 100, productId: id },
    ]);
  });

  it('documents every catalog route in a valid OpenAPI document', async () => {
    const document = SwaggerModule.createDocument(
      gateway,
      new DocumentBuilder().setTitle('test').addBearerAuth().build(),
    );
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/v1/categories',
        'POST /api/v1/categories',
        'GET /api/v1/categories/{id}',
        'PATCH /api/v1/categories/{id}',
        'DELETE /api/v1/categories/{id}',
        'GET /api/v1/products',
        'POST /api/v1/products',
        'GET /api/v1/products/{id}',
        'PATCH /api/v1/products/{id}',
        'DELETE /api/v1/products/{id}',
        'POST /api/v1/products/{id}/archive',
        'GET /api/v1/products/export.csv',
        'POST /api/v1/products/import',
        'POST /api/v1/products/{id}/media/uploads',
        'POST /api/v1/products/{id}/media/uploads/{uploadId}/complete',
        'POST /api/v1/products/{id}/media/{mediaId}/primary',
        'GET /api/v1/products/{id}/media',
        'DELETE /api/v1/products/{id}/media/{mediaId}',
      ].sort(),
    );
    const list = document.paths['/api/v1/products'].get!;
    expect(list.parameters?.map((p) => ('name' in p ? p.name : '')).sort()).toEqual([
      'active',
      'categoryId',
      'page',
      'pageSize',
      'search',
      'sku',
      'sort',
      'status',
    ]);
    expect(Object.keys(document.components!.schemas!)).toEqual(
      expect.arrayContaining([
        'ProductWithStockDto',
        'StockBlockDto',
        'ErrorResponseDto',
        'MediaDto',
      ]),
    );
  });
});
