import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../src/support/fixtures';
import { partsCsv, pngFile } from '../src/support/files';
import { recordFigure } from './figures';

interface Product {
  id: string;
  sku: string;
}

/** Files the browser picks from disk, as a user's would be. */
const folder = mkdtempSync(join(tmpdir(), 'console-bench-'));
const onDisk = (name: string, data: Buffer | string) => {
  const path = join(folder, name);
  writeFileSync(path, data);
  return path;
};
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

test('5 MB image: from the browser to "attached"', async ({ adminPage: page, system }) => {
  const image = pngFile(1150, 1150, true);
  const imagePath = onDisk('big.png', image);
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const part = await system.api<Product>('POST', '/api/v1/products', {
      sku: `BENCH-IMG-${tag()}`,
      name: 'Bench image part',
    });
    await page.goto(`/admin/parts/${part.id}/edit`);
    await expect(page.getByText('No images or datasheets yet.')).toBeVisible();
    const started = performance.now();
    await page.getByTestId('media-input').setInputFiles(imagePath);
    await expect(page.getByTestId('media-image')).toHaveCount(1);
    await expect(page.getByText('big.png attached')).toBeVisible();
    seconds.push((performance.now() - started) / 1000);
  }
  recordFigure('imageUpload', {
    bytes: image.length,
    seconds: Number(median(seconds).toFixed(2)),
    runs: seconds.map((s) => Number(s.toFixed(2))),
  });
});

test('100,000-row CSV import from the browser', async ({ adminPage: page, system }) => {
  test.setTimeout(1_200_000);
  const seconds: number[] = [];
  const runs = Math.min(RUNS, Number(process.env.BENCH_IMPORT_RUNS ?? 1));
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const prefix = `BIG${tag()}`;
    const csv = Buffer.from(partsCsv(prefix, 100_000));
    bytes = csv.length;
    await page.goto('/admin/import');
    await page.locator('input[type=file]').setInputFiles(onDisk(`${prefix}.csv`, csv));
    await expect(page.getByTestId('csv-preview')).toBeVisible();
    const started = performance.now();
    await page.getByRole('button', { name: 'Import (all or nothing)' }).click();
    await expect(page.getByTestId('import-result')).toContainText('100000 created', {
      timeout: 600_000,
    });
    seconds.push((performance.now() - started) / 1000);
    const imported = await system.api<{ total: number }>(
      'GET',
      `/api/v1/products?search=${prefix}&pageSize=1`,
    );
    expect(imported.total).toBe(100_000);
  }
  recordFigure('import100k', {
    bytes,
    seconds: Number(median(seconds).toFixed(2)),
    runs: seconds.map((s) => Number(s.toFixed(2))),
    goalSeconds: 30,
  });
});

test('label sheet of 24 rendered', async ({ adminPage: page, system }) => {
  const parts: Product[] = [];
  for (let i = 0; i < 24; i++) {
    parts.push(
      await system.api<Product>('POST', '/api/v1/products', {
        sku: `BENCH-LBL-${tag()}`,
        name: `Bench label part ${i + 1}`,
      }),
    );
  }
  const inPage: number[] = [];
  const wall: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await page.goto(`/admin/labels?ids=${parts.map((p) => p.id).join(',')}`);
    const summary = page.getByTestId('label-summary');
    await expect(summary).toContainText('24 labels on 1 page');
    await expect(summary).not.toHaveAttribute('data-render-ms', '');
    wall.push(performance.now() - started);
    inPage.push(Number(await summary.getAttribute('data-render-ms')));
  }
  recordFigure('labelSheet24', {
    renderMs: median(inPage),
    runs: inPage,
    pageLoadToSheetMs: Math.round(median(wall)),
    note: 'renderMs: 24 distinct QR codes generated and the sheet painted (in the page); pageLoadToSheetMs: navigation to the painted sheet, parts fetched included',
  });
});
