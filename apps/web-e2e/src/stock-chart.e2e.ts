import { expect, test } from './support/fixtures';
import { screenshots } from './support/screenshots';

test('the part page draws stock over time with the reorder level, its chart code loaded only there', async ({
  staffPage: page,
  system,
}) => {
  const chartChunks: string[] = [];
  page.on('request', (request) => {
    if (/StockHistoryChart-[^/]+\.js$/.test(request.url())) chartChunks.push(request.url());
  });
  const part = await system.stockedPart('MCU-RPI-PICO', 40, 15);
  for (const quantity of [5, 8, 20]) {
    await system.api('POST', '/api/v1/stock/movements', {
      productId: part.id,
      type: 'issue',
      quantity,
    });
  }
  // The dashboard does not load the chart's code.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  expect(chartChunks).toEqual([]);

  await page.goto(`/products/${part.id}`);
  await expect(page.getByRole('heading', { name: part.name })).toBeVisible();
  const panel = page.getByTestId('stock-history');
  await expect(panel.getByRole('heading', { name: 'Stock over time' })).toBeVisible();
  const chart = panel.getByRole('img', { name: /On hand per day over the last 30 days/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-area-curve')).toHaveCount(1);
  const levelLabel = chart.getByText('Reorder level 15');
  await expect(levelLabel).toBeVisible();
  // The level's label sits above its line, clear of the dates below the chart.
  const label = await levelLabel.boundingBox();
  const line = await chart.locator('.recharts-reference-line-line').boundingBox();
  expect(label!.y + label!.height).toBeLessThanOrEqual(line!.y + 1);
  // Today ends at 40 − 33 = 7, below the reorder level: the summary says it in words.
  await expect(panel.getByTestId('stock-history-summary')).toHaveText(
    'Over the last 30 days on hand went from 0 to 7; lowest 0. Reorder level 15.',
  );
  expect(chartChunks).toHaveLength(1);
  await screenshots(page, 'part-chart', async () => {
    await expect(chart.locator('.recharts-area-curve')).toHaveCount(1);
  });

  await panel.getByText('365 days', { exact: true }).click();
  await expect(panel.getByRole('img', { name: /over the last 365 days/ })).toBeVisible();
  await expect(panel.getByTestId('stock-history-summary')).toContainText('last 365 days');

  // Recording a movement on the page redraws it.
  await page.getByRole('button', { name: 'Receive', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: /Quantity/ })).toBeFocused();
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('stock-history-summary')).toContainText('from 0 to 37');
});
