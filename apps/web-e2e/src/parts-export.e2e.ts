import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

interface ListedPart {
  sku: string;
}

test('exporting the parts list filtered to low stock downloads only the low parts', async ({
  adminPage: page,
  system,
}) => {
  // The seed's opening stock leaves some parts at or below their reorder level.
  let low: string[] = [];
  await expect(async () => {
    const listed = await system.api<{ items: ListedPart[] }>(
      'GET',
      '/api/v1/products?status=low&pageSize=100',
    );
    low = listed.items.map((part) => part.sku);
    expect(low).toEqual(expect.arrayContaining(['MCU-ESP-32', 'PWR-BAT-9V']));
  }).toPass({ timeout: 20_000 });

  await page.goto('/products?status=low');
  await expect(page.getByTestId('part-link')).toHaveCount(low.length);
  await page.getByRole('link', { name: 'Export this list (CSV)' }).click();
  await expect(page).toHaveURL(/\/admin\/import\?.*status=low/);
  await expect(page.getByRole('combobox', { name: 'Stock' })).toHaveValue('Low');
  await screenshots(page, 'export-low');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, ...rows] = csv.trim().split('\n');
  expect(header.split(',')[0]).toBe('sku');
  const skus = rows.map((row) => row.split(',')[0]);
  expect(skus.sort()).toEqual([...low].sort());
});
