import { ApiClient, expectStatus } from './api-client';
import { startTestStack, type TestStack } from './support';

interface Entry {
  action: string;
  actor: { userId: string | null; email: string | null; role: string | null };
  correlationId: string;
  origin: string;
  service: string;
  summary: string;
  changes: { field: string; from: unknown; to: unknown }[];
  movementId?: string;
}

/**
 * The audit trail through the gateway, on a whole system: an admin renames a part and
 * changes its reorder level, a staff user records a movement, and the part's history
 * answers all three with the right people, one correlation id per request.
 */
describe('the audit trail across services', () => {
  let stack: TestStack;
  const api = () => new ApiClient(stack.urls.api);

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("shows a part's history: catalog change, reorder level and movement, each by its actor", async () => {
    const admin = api();
    await admin.login(stack.admin.email, stack.admin.password);
    const staffEmail = 'counter@lab.example';
    const staffPassword = 'a quiet shelf of resistors 9';
    const staffUser = expectStatus<{ id: string }>(
      await admin.post('/users', {
        email: staffEmail,
        displayName: 'Counter',
        role: 'staff',
        password: staffPassword,
      }),
      201,
    );
    const staff = api();
    await staff.login(staffEmail, staffPassword);

    const product = expectStatus<{ id: string }>(
      await admin.post('/products', { sku: 'AUDIT-SYS-1', name: 'ESP32 board' }),
      201,
    );
    const renamed = await admin.request(
      'PATCH',
      `/products/${product.id}`,
      { name: 'ESP32-S3 board' },
      { 'x-request-id': 'sys-audit-rename', 'x-inventory-client': 'console' },
    );
    expectStatus(renamed, 200);
    const level = await admin.request(
      'PUT',
      `/products/${product.id}/reorder-level`,
      { reorderLevel: 4 },
      { 'x-request-id': 'sys-audit-level' },
    );
    expectStatus(level, 200);
    const moved = await staff.request<{ movement: { id: string } }>(
      'POST',
      '/stock/movements',
      { productId: product.id, type: 'receive', quantity: 10 },
      { 'x-request-id': 'sys-audit-move', 'idempotency-key': 'sys-audit-move-1' },
    );
    const { movement } = expectStatus(moved, 201);

    const history = expectStatus<{ items: Entry[] }>(
      await admin.get(`/audit?entityType=product&entityId=${product.id}`),
      200,
    ).items;
    expect(history.map((e) => [e.action, e.service, e.actor.email, e.correlationId])).toEqual([
      ['stock.movement.recorded', 'stock', staffEmail, 'sys-audit-move'],
      ['stock.reorder_level.set', 'stock', stack.admin.email, 'sys-audit-level'],
      ['product.updated', 'catalog', stack.admin.email, 'sys-audit-rename'],
      ['product.created', 'catalog', stack.admin.email, expect.any(String)],
    ]);
    const [move, reorder, rename] = history;
    expect(rename).toMatchObject({
      origin: 'console',
      actor: { role: 'admin' },
      changes: [{ field: 'name', from: 'ESP32 board', to: 'ESP32-S3 board' }],
    });
    expect(reorder.changes).toEqual([{ field: 'reorderLevel', from: expect.any(Number), to: 4 }]);
    expect(move).toMatchObject({ movementId: movement.id, actor: { userId: staffUser.id } });

    // Staff see only their own entries, even when they ask for the part's whole history.
    const mine = expectStatus<{ items: Entry[] }>(
      await staff.get(`/audit?entityType=product&entityId=${product.id}`),
      200,
    ).items;
    expect(mine.map((e) => e.action)).toEqual(['stock.movement.recorded']);
  });
});
