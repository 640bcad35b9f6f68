import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

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

test('while the API is down the dialog says so and keeps what was typed; then it goes through', async ({
  staffPage: page,
  system,
}) => {
  const part = await system.stockedPart('PWR-BAT-9V', 30, 5);
  await page.goto(`/products/${part.id}`);
  await expect(page.getByTestId('on-hand')).toHaveText('30');
  let refused = 0;
  await page.route('**/api/v1/stock/movements', (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    refused += 1;
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The stock service is not available',
        correlationId: 'e2e',
      }),
    });
  });
  await page.getByRole('button', { name: 'Receive' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Quantity received' }).fill('7');
  await dialog.getByRole('textbox', { name: 'Reference (order, work order …)' }).fill('PO-4711');
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(dialog.getByTestId('api-unavailable')).toContainText(
    'The inventory service is not answering',
  );
  await expect(dialog.getByRole('textbox', { name: 'Quantity received' })).toHaveValue('7');
  await expect(
    dialog.getByRole('textbox', { name: 'Reference (order, work order …)' }),
  ).toHaveValue('PO-4711');
  expect(refused).toBe(3); // the first try and two automatic retries
  await screenshots(page, 'api-unavailable');

  await page.unroute('**/api/v1/stock/movements');
  await dialog.getByRole('button', { name: 'Receive' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('on-hand')).toHaveText('37');
});
