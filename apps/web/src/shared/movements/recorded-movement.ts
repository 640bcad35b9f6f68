import type { QueryClient } from '@tanstack/react-query';
import { stockStatus, type Schemas } from '@inventory/api-client';
import { afterNextPaint } from './after-next-paint';

type Product = Schemas['ProductWithStockDto'];
type RecordedMovement = Schemas['RecordMovementResultDto'];

const isProduct = (data: unknown): data is Product =>
  typeof data === 'object' && data !== null && 'id' in data && 'stock' in data;
const isPage = (data: unknown): data is { items: unknown[] } =>
  typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);

/** The product with the stock the movement's answer gives; the same object when not it. */
function withStock(product: Product, productId: string, result: RecordedMovement): Product {
  if (product.id !== productId || !product.stock) return product;
  const { reorderLevel } = product.stock;
  return {
    ...product,
    stock: {
      ...product.stock,
      onHand: result.onHand,
      status: stockStatus(result.onHand, reorderLevel),
      lastMovementAt: result.movement.createdAt,
    },
  };
}

function patched(data: unknown, productId: string, result: RecordedMovement): unknown {
  if (isProduct(data)) return withStock(data, productId, result);
  if (isPage(data)) {
    let changed = false;
    const items = data.items.map((item) => {
      const next = isProduct(item) ? withStock(item, productId, result) : item;
      changed ||= next !== item;
      return next;
    });
    return changed ? { ...data, items } : data;
  }
  return data;
}

/**
 * After a movement was recorded: every cached view of its product (the part page, the parts
 * list's pages) shows the on hand of the movement's answer at once, without asking the API
 * again. Those product queries are only marked stale (they refresh on their next use); the
 * stock and movement lists on screen (dashboard, history, chart) are refetched in the
 * background, since only the API knows what the movement changed in them.
 */
export async function applyRecordedMovement(
  queryClient: QueryClient,
  result: RecordedMovement,
): Promise<void> {
  const { productId } = result.movement;
  const affected = queryClient
    .getQueriesData({ queryKey: ['products'] })
    .filter(([, data]) => patched(data, productId, result) !== data)
    .map(([queryKey]) => queryKey);
  // An older answer still on its way must not overwrite the new on hand.
  await Promise.all(
    affected.map((queryKey) => queryClient.cancelQueries({ queryKey, exact: true })),
  );
  for (const queryKey of affected) {
    queryClient.setQueryData(queryKey, (data: unknown) => patched(data, productId, result));
  }
  void queryClient.invalidateQueries({ queryKey: ['products'], refetchType: 'none' });
  // The lists are asked for once the new on hand is painted: their answers (quick on a
  // local network) would otherwise be rendered before the number the user waits for.
  void afterNextPaint().then(() =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['stock'] }),
      queryClient.invalidateQueries({ queryKey: ['movements'] }),
    ]),
  );
}
