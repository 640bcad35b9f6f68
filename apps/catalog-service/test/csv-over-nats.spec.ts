import { randomUUID } from 'node:crypto';
import {
  CSV_PART_MAX_CHARS,
  type ExportPageDto,
  type ImportResultDto,
  PRODUCT_CSV_COLUMNS,
  ExportProducts,
  ImportProducts,
  SaveImportPart,
} from '@inventory/contracts';
import { type CatalogHarness, startCatalog } from './support/catalog-harness';

/** The production bus: NATS, whose default max_payload (1 MB) refuses whole CSV files. */
describe('CSV import and export over NATS', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog({}, { nats: true });
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('carries a 2 MB file in parts and the export in pages, where one message could not', async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) =>
        `NATS-${String(i).padStart(5, '0')},Ünïcode “part” ${i},"A description, with a comma, ${'µ'.repeat(60)}",,1.00,2.00,EUR,Maker,MPN-${i},"{""ohms"":""10kΩ""}",true`,
    );
    const csv = `${PRODUCT_CSV_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);

    // The whole file in one message is more than NATS carries.
    const whole = await catalog.fail(SaveImportPart, {
      importId: randomUUID(),
      index: 0,
      text: csv,
    });
    expect(whole.getStatus()).toBeGreaterThanOrEqual(500);

    const importId = randomUUID();
    const parts: string[] = [];
    for (let i = 0; i < csv.length; i += CSV_PART_MAX_CHARS)
      parts.push(csv.slice(i, i + CSV_PART_MAX_CHARS));
    for (const [index, text] of parts.entries()) {
      await catalog.send(SaveImportPart, { importId, index, text });
    }
    const result = await catalog.send<ImportResultDto>(ImportProducts, {
      importId,
      parts: parts.length,
    });
    expect(result).toMatchObject({ rows: 12_000, created: 12_000, rejected: 0 });

    let exported = '';
    let after: string | undefined;
    let pages = 0;
    do {
      const page: ExportPageDto = await catalog.send(ExportProducts, { after });
      exported += page.csv;
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBeGreaterThan(4);
    expect(exported).toBe(csv);
  });
});
