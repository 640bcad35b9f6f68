import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { applyRecordedMovement } from './recorded-movement';

type Product = Schemas['ProductWithStockDto'];

const ID = '6c45d557-e9c9-48ff-88d2-b08323c445ad';
const OTHER = '0b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d';

function product(id: string, onHand: number, reorderLevel = 5): Product {
  return {
    id,
    sku: `SKU-${id.slice(0, 4)}`,
    name: 'Part',
    stock: { onHand, reorderLevel, status: 'ok', location: null, lastMovementAt: null },
  } as Product;
}

function answer(onHand: number) {
  return {
    movement: {
      id: 'm1',
      productId: ID,
      type: 'issue' as const,
      delta: -1,
      quantityAfter: onHand,
      reason: null,
      reference: null,
      actorUserId: null,
      correlationId: 'c',
      createdAt: '2026-12-02T06:00:00.000Z',
    },
    onHand,
  };
}

describe('a recorded movement in the query cache', () => {
  it('shows the answer’s on hand on the part and in list pages without asking the API', async () => {
    const queryClient = new QueryClient();
    const fetchProduct = vi.fn(async () => product(ID, 99));
    queryClient.setQueryData(['products', 'one', ID], product(ID, 6));
    // The part page's query, on screen.
    const observer = new QueryObserver(queryClient, {
      queryKey: ['products', 'one', ID],
      queryFn: fetchProduct,
      staleTime: Infinity,
    });
    const stop = observer.subscribe(() => undefined);
    queryClient.setQueryData(['products', 'list', { page: 1 }], {
      items: [product(OTHER, 1), product(ID, 6)],
      total: 2,
    });

    await applyRecordedMovement(queryClient, answer(5));

    const one = queryClient.getQueryData<Product>(['products', 'one', ID]);
    expect(one?.stock).toMatchObject({
      onHand: 5,
      status: 'low',
      lastMovementAt: '2026-12-02T06:00:00.000Z',
    });
    const list = queryClient.getQueryData<{ items: Product[] }>(['products', 'list', { page: 1 }]);
    expect(list?.items.map((item) => item.stock?.onHand)).toEqual([1, 5]);
    // Stale for its next use, but not fetched again now.
    expect(observer.getCurrentResult().isStale).toBe(true);
    expect(fetchProduct).not.toHaveBeenCalled();
    stop();
  });

  it('says out of stock when the answer leaves nothing on hand', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['products', 'one', ID], product(ID, 1));
    await applyRecordedMovement(queryClient, answer(0));
    expect(queryClient.getQueryData<Product>(['products', 'one', ID])?.stock?.status).toBe('out');
  });

  it('leaves other products alone', async () => {
    const queryClient = new QueryClient();
    const other = product(OTHER, 3);
    queryClient.setQueryData(['products', 'one', OTHER], other);
    await applyRecordedMovement(queryClient, answer(0));
    expect(queryClient.getQueryData(['products', 'one', OTHER])).toBe(other);
  });
});
