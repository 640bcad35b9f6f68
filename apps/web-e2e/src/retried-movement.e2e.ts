import { expect, test } from './support/fixtures';

test('a movement whose answer is lost is sent again with the same key and counted once', async ({
  staffPage: page,
  system,
}) => {
  const part = await system.stockedPart('MCU-RPI-PICO', 40, 5);
  const keys: string[] = [];
  let dropped = false;
  await page.route('**/api/v1/stock/movements', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    keys.push((await request.headerValue('idempotency-key')) ?? '');
    if (!dropped) {
      dropped = true;
      // The movement reaches the gateway and is recorded; its answer never reaches the page.
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      return route.abort('connectionreset');
    }
    return route.continue();
  });

  await page.goto(`/products/${part.id}`);
  await expect(page.getByTestId('on-hand')).toHaveText('40');
  await page.getByRole('button', { name: 'Issue' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Quantity issued' }).fill('4');
  await dialog.getByRole('button', { name: 'Issue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('on-hand')).toHaveText('36');

  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys[1]).toBe(keys[0]);
  const ledger = await system.api<{ total: number; items: { delta: number }[] }>(
    'GET',
    `/api/v1/stock/movements?productId=${part.id}&type=issue`,
  );
  expect(ledger.items.map((movement) => movement.delta)).toEqual([-4]);
});
