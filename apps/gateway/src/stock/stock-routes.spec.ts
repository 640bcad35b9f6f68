import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  type RecordMovementReply,
  GetStockLevel,
  GetStockLevels,
  ListMovements,
  RecordMovement,
  SetReorderLevel,
} from '@inventory/contracts';
import { ConflictError, createValidationPipe, ServiceBus } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../users/database/users.repository';
import { ListMovementsQuery } from './queries/list-movements/list-movements.query';
import { STOCK_HTTP_CONTROLLERS } from './stock.module';

const PRODUCT = '6c45d557-e9c9-48ff-88d2-b08323c445ad';

const reply: RecordMovementReply = {
  movement: {
    id: 'a5a7f1d2-0b7e-4a55-8f0c-1d2e3f4a5b6c',
    productId: PRODUCT,
    type: 'issue',
    delta: -5,
    quantityAfter: 95,
    reason: null,
    reference: 'WO-7',
    actorUserId: 'user-1',
    correlationId: 'req-1',
    createdAt: '2026-11-24T10:00:00.000Z',
  },
  onHand: 95,
  replayed: false,
};

describe('stock routes of the gateway (bus replaced by a stub)', () => {
  let app: NestFastifyApplication;
  const send = jest.fn();
  const query = jest.fn(async () => [] as unknown[]);

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: STOCK_HTTP_CONTROLLERS,
      providers: [
        { provide: ServiceBus, useValue: { send } },
        ListMovementsQuery,
        // Names of who recorded movements: the real repository over a stubbed DataSource.
        UsersRepository,
        { provide: DataSource, useValue: { query } },
      ],
    }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    app.setGlobalPrefix('api/v1');
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => send.mockReset());

  const inject = (options: {
    method: 'GET' | 'POST' | 'PUT';
    url: string;
    payload?: object;
    headers?: Record<string, string>;
  }) => app.getHttpAdapter().getInstance().inject(options);

  const movement = { productId: PRODUCT, type: 'issue', quantity: 5, reference: 'WO-7' };

  it('records a movement: the Idempotency-Key header travels as a field of the bus request', async () => {
    send.mockResolvedValue(reply);
    const response = await inject({
      method: 'POST',
      url: '/api/v1/stock/movements',
      payload: movement,
      headers: { 'idempotency-key': 'key-1' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ movement: reply.movement, onHand: 95 });
    expect(response.headers['idempotent-replayed']).toBeUndefined();
    expect(send).toHaveBeenCalledWith(RecordMovement, {
      ...movement,
      idempotencyKey: 'key-1',
    });
  });

  it('answers a replayed key with the same body and Idempotent-Replayed: true', async () => {
    send.mockResolvedValue({ ...reply, replayed: true });
    const response = await inject({
      method: 'POST',
      url: '/api/v1/stock/movements',
      payload: movement,
      headers: { 'idempotency-key': 'key-1' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ movement: reply.movement, onHand: 95 });
    expect(response.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a malformed Idempotency-Key or body with 400 naming the field, without asking the service', async () => {
    const badKey = await inject({
      method: 'POST',
      url: '/api/v1/stock/movements',
      payload: movement,
      headers: { 'idempotency-key': 'with spaces' },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().details).toEqual([
      { field: 'Idempotency-Key', message: expect.stringContaining('visible ASCII') },
    ]);

    const badBody = await inject({
      method: 'POST',
      url: '/api/v1/stock/movements',
      payload: { ...movement, quantity: 0 },
    });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().details).toEqual([
      { field: 'quantity', message: 'quantity must be at least 1 for issue' },
    ]);
    expect(send).not.toHaveBeenCalled();
  });

  it("passes the stock service's refusal on with its status", async () => {
    send.mockRejectedValue(
      new ConflictError('Not enough stock to issue 5 of R-1 (Resistor): 2 on hand', [
        { field: 'quantity', message: '2 available' },
      ]),
    );
    const response = await inject({
      method: 'POST',
      url: '/api/v1/stock/movements',
      payload: movement,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      message: 'Not enough stock to issue 5 of R-1 (Resistor): 2 on hand',
      details: [{ field: 'quantity', message: '2 available' }],
    });
  });

  it('lists movements with the query converted to its types', async () => {
    send.mockResolvedValue({ items: [], total: 0, page: 2, pageSize: 20 });
    const response = await inject({
      method: 'GET',
      url: `/api/v1/stock/movements?productId=${PRODUCT}&type=issue&from=2026-11-01T00:00:00Z&page=2`,
    });
    expect(response.statusCode).toBe(200);
    expect(send).toHaveBeenCalledWith(ListMovements, {
      productId: PRODUCT,
      type: 'issue',
      from: '2026-11-01T00:00:00Z',
      page: 2,
    });
  });

  it('names who recorded each movement and what it moved', async () => {
    query.mockResolvedValueOnce([{ id: 'user-1', display_name: 'Sam Staff' }]);
    send
      .mockResolvedValueOnce({
        items: [reply.movement, { ...reply.movement, id: 'm2', actorUserId: null }],
        total: 2,
        page: 1,
        pageSize: 20,
      })
      .mockResolvedValueOnce([{ productId: PRODUCT, sku: 'R-1', name: 'Resistor' }]);
    const response = await inject({ method: 'GET', url: '/api/v1/stock/movements' });
    expect(response.statusCode).toBe(200);
    expect(send).toHaveBeenLastCalledWith(GetStockLevels, {
      productIds: [PRODUCT],
    });
    expect(
      response
        .json()
        .items.map((item: Record<string, unknown>) => [
          item.actorName,
          item.productSku,
          item.productName,
        ]),
    ).toEqual([
      ['Sam Staff', 'R-1', 'Resistor'],
      [null, 'R-1', 'Resistor'],
    ]);
  });

  it("reads a product's stock and sets its reorder level; a product id must be a UUID", async () => {
    send.mockResolvedValue({ productId: PRODUCT, onHand: 3, reorderLevel: 10, status: 'low' });
    const stock = await inject({ method: 'GET', url: `/api/v1/products/${PRODUCT}/stock` });
    expect(stock.statusCode).toBe(200);
    expect(send).toHaveBeenLastCalledWith(GetStockLevel, { productId: PRODUCT });

    const set = await inject({
      method: 'PUT',
      url: `/api/v1/products/${PRODUCT}/reorder-level`,
      payload: { reorderLevel: 10 },
    });
    expect(set.statusCode).toBe(200);
    expect(send).toHaveBeenLastCalledWith(SetReorderLevel, {
      productId: PRODUCT,
      reorderLevel: 10,
    });

    const badId = await inject({ method: 'GET', url: '/api/v1/products/42/stock' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details).toEqual([{ field: 'id', message: 'id must be a UUID' }]);

    const badLevel = await inject({
      method: 'PUT',
      url: `/api/v1/products/${PRODUCT}/reorder-level`,
      payload: { reorderLevel: -1 },
    });
    expect(badLevel.statusCode).toBe(400);
  });

  it('documents the routes, the Idempotency-Key header and the answers for OpenAPI', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const record = document.paths['/api/v1/stock/movements'].post!;
    expect(record.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(Object.keys(record.responses)).toEqual(
      expect.arrayContaining(['201', '400', '404', '409', '422']),
    );
    expect(document.paths['/api/v1/stock/low'].get).toBeDefined();
    expect(document.paths['/api/v1/products/{id}/stock'].get).toBeDefined();
    expect(document.paths['/api/v1/products/{id}/reorder-level'].put).toBeDefined();
    expect(Object.keys(document.components!.schemas!)).toEqual(
      expect.arrayContaining(['RecordMovementDto', 'RecordMovementResultDto', 'StockLevelDto']),
    );
  });
});
