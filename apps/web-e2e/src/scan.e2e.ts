import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

interface Product {
  id: string;
  sku: string;
  name: string;
  stock: { onHand: number } | null;
}

/** Types like a keyboard-wedge scanner: the code as fast keystrokes, then Enter. */
const WEDGE_DELAY_MS = 4;

test('scan mode takes three wedge-scanner scans in a row, each confirmed with the new on hand', async ({
  staffPage: page,
  system,
}) => {
  const {
    items: [nano],
  } = await system.api<{ items: Product[] }>('GET', '/api/v1/products?sku=MCU-ARD-NANO');
  await system.api('POST', '/api/v1/stock/movements', {
    productId: nano.id,
    type: 'receive',
    quantity: 20,
  });
  const start = (await system.api<{ onHand: number }>('GET', `/api/v1/products/${nano.id}/stock`))
    .onHand;

  // Straight from the dashboard by keyboard: no mouse anywhere in this story.
  await page.goto('/scan');
  await expect(page.getByRole('heading', { name: 'Scan' })).toBeVisible();
  const field = page.getByRole('textbox', { name: 'Scan or type a SKU' });
  await expect(field).toBeFocused();
  const onHand = page.getByTestId('scan-on-hand');

  // 1: the SKU's barcode. 2: our label's QR (the part page URL). 3: a SKU typed in lower case.
  const scans = ['MCU-ARD-NANO', `${system.url}/products/${nano.id}`, 'mcu-ard-nano'];
  for (const [index, code] of scans.entries()) {
    await page.keyboard.type(code, { delay: WEDGE_DELAY_MS });
    await page.keyboard.press('Enter');
    await expect(onHand).toHaveText(String(start - index - 1));
    await expect(page.getByTestId('scan-result')).toHaveAttribute('data-status', 'recorded');
    await expect(page.getByText('Issued 1')).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('');
  }
  await expect(page.getByTestId('recent-scans').getByRole('row')).toHaveCount(1 + 3);

  // An unknown code says so and changes nothing.
  await page.keyboard.type('NOT-A-PART-42', { delay: WEDGE_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(page.getByText('No part has the code “NOT-A-PART-42”')).toBeVisible();
  await expect(field).toBeFocused();

  // Receiving 5: Alt+R, Alt+Q, the quantity, Enter back to the scan field, scan.
  await page.keyboard.press('Alt+r');
  await expect(page).toHaveURL(/mode=receive/);
  await page.keyboard.press('Alt+q');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await page.keyboard.type('MCU-ARD-NANO', { delay: WEDGE_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(onHand).toHaveText(String(start - 3 + 5));
  await expect(page.getByText('Received 5')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Quantity/ })).toHaveValue('1');

  // A scan while the focus is on a control (here the sound switch) still lands in the scan field.
  await page.getByRole('switch', { name: 'Sound' }).focus();
  await page.keyboard.type('MCU-ARD-NANO', { delay: WEDGE_DELAY_MS });
  await page.keyboard.press('Enter');
  await expect(onHand).toHaveText(String(start - 3 + 5 + 1));
  await expect(field).toBeFocused();

  // The ledger has exactly the five movements: nothing counted twice, nothing for the unknown code.
  const ledger = await system.api<{ items: { type: string; delta: number }[] }>(
    'GET',
    `/api/v1/stock/movements?productId=${nano.id}&pageSize=10`,
  );
  expect(ledger.items.slice(0, 5).map((m) => m.delta)).toEqual([1, 5, -1, -1, -1]);
  const level = await system.api<{ onHand: number }>('GET', `/api/v1/products/${nano.id}/stock`);
  expect(level.onHand).toBe(start + 3);

  await screenshots(page, 'scan');
});

test('the camera scanner loads its barcode reader from the console itself, never a CDN', async ({
  staffPage: page,
  system,
}) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['http:', 'https:'].includes(url.protocol)) return;
    if (url.origin !== system.url) elsewhere.push(request.url());
  });
  await page.goto('/scan');
  await expect(page.getByRole('textbox', { name: 'Scan or type a SKU' })).toBeFocused();
  const wasm = page.waitForResponse((response) => /zxing_reader-.*\.wasm$/.test(response.url()));
  await page.keyboard.press('Alt+c');
  const answer = await wasm;
  expect(new URL(answer.url()).origin).toBe(system.url);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('application/wasm');
  expect(elsewhere).toEqual([]);
});
