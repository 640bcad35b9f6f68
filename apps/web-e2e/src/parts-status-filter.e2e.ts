import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

interface ListedPart {
  sku: string;
  name: string;
  stock: { status: string } | null;
}

test('the parts list filters by stock status, in the URL, together with the search', async ({
  staffPage: page,
  system,
}) => {
  // The seed's opening stock leaves PWR-BAT-9V and MCU-ESP-32 at or below their reorder level.
  let low: ListedPart[] = [];
  await expect(async () => {
    low = (await system.api<{ items: ListedPart[] }>('GET', '/api/v1/products?status=low')).items;
    expect(low.map((p) => p.sku)).toEqual(expect.arrayContaining(['MCU-ESP-32', 'PWR-BAT-9V']));
  }).toPass({ timeout: 20_000 });

  await page.getByRole('navigation').getByRole('link', { name: 'Parts' }).click();
  await expect(page.getByRole('heading', { name: 'Parts' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Stock' }).click();
  await page.getByRole('option', { name: 'Low', exact: true }).click();

  await expect(page).toHaveURL(/[?&]status=low(&|$)/);
  const links = page.getByTestId('part-link');
  await expect(links).toHaveCount(low.length);
  for (const part of low) await expect(links.filter({ hasText: part.name })).toBeVisible();
  await expect(page.getByTestId('parts-total')).toHaveText(`${low.length} parts`);
  // Every row the filter keeps carries the badge it was filtered by.
  const rows = page.locator('tbody tr');
  for (const row of await rows.all()) await expect(row).toContainText('Low');
  await screenshots(page, 'parts-low', async () => {
    await expect(links).toHaveCount(low.length);
  });

  // Combined with the search; a link with the filter opens the same list.
  await page.getByRole('searchbox', { name: 'Search parts' }).fill('battery');
  await expect(page).toHaveURL(/q=battery/);
  await expect(links).toHaveCount(
    low.filter((p) => /battery/i.test(p.name) || /BAT/.test(p.sku)).length,
  );
  await expect(links.filter({ hasText: 'ESP32' })).toHaveCount(0);
  // Opened afresh (a reload: the session comes back from the refresh cookie), the URL alone
  // gives the same filtered list.
  await expect(links.first()).toBeVisible();
  const filtered = page.url();
  await page.goto(filtered);
  await expect(page.getByRole('combobox', { name: 'Stock' })).toHaveValue('Low');
  await expect(links.first()).toBeVisible();
  await expect(links.filter({ hasText: 'ESP32' })).toHaveCount(0);

  // Cleared, the list shows every status again.
  await page.getByRole('searchbox', { name: 'Search parts' }).fill('');
  await page.getByRole('combobox', { name: 'Stock' }).click();
  await page.getByRole('option', { name: 'Low', exact: true }).click(); // selected again: deselects
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByTestId('parts-total')).not.toHaveText(`${low.length} parts`);
});
