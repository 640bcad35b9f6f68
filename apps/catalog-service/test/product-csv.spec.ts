import { randomUUID } from 'node:crypto';
import {
  CatalogEvents,
  type CategoryDto,
  type ExportPageDto,
  type ImportResultDto,
  type Page,
  type ProductDto,
  CreateCategory,
  ExportProducts,
  ImportProducts,
  ListCategories,
  ListProducts,
  SaveImportPart,
} from '@inventory/contracts';
import type { ServiceError } from '@inventory/platform';
import { type CatalogHarness, eventually, startCatalog } from './support/catalog-harness';

const HEADER =
  'sku,name,description,category,unitCost,salePrice,currency,manufacturer,mpn,parameters,active';

describe('CSV import and export (bus, real Postgres)', () => {
  let catalog: CatalogHarness;

  beforeAll(async () => {
    catalog = await startCatalog();
    const power = await catalog.send<CategoryDto>(CreateCategory, {
      name: 'Power',
    });
    await catalog.send(CreateCategory, { name: 'Batteries', parentId: power.id });
  });

  afterAll(async () => {
    await catalog?.close();
  });

  const importCsv = (csv: string, partial?: boolean) =>
    catalog.send<ImportResultDto>(ImportProducts, { csv, partial });
  const bySku = async (sku: string) =>
    (await catalog.send<Page<ProductDto>>(ListProducts, { search: sku })).items.find(
      (item) => item.sku === sku,
    );
  const csvRow = (cells: string[]) =>
    cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  const exportAll = async (filters: Record<string, unknown> = {}) => {
    let text = '';
    let after: string | undefined;
    do {
      const page: ExportPageDto = await catalog.send(ExportProducts, {
        ...filters,
        after,
      });
      text += page.csv;
      after = page.next ?? undefined;
    } while (after);
    return text;
  };
  const count = async () =>
    (await catalog.db.query(`SELECT count(*)::int AS n FROM products`))[0].n as number;

  it('creates products from good rows: category by path, exact prices, parameters, active', async () => {
    const csv = [
      HEADER,
      'pwr-bat-9v,9V battery,"Alkaline, 6LR61",Power > Batteries,1.60,3.20,USD,Duracell,MN1604,"{""voltage"":""9V""}",true',
      'PWR-BAT-AA,AA battery,,power > batteries,0.4,0.90,EUR,Energizer,E91,,',
      'PWR-OLD,Old stock,,,,,,,,,false',
    ].join('\r\n');
    const result = await importCsv(csv);
    expect(result).toEqual({
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
      errorsTruncated: false,
    });
    expect(await bySku('PWR-BAT-9V')).toMatchObject({
      name: '9V battery',
      description: 'Alkaline, 6LR61',
      category: { path: ['Power', 'Batteries'] },
      unitCost: '1.60',
      salePrice: '3.20',
      currency: 'USD',
      parameters: { voltage: '9V' },
      active: true,
    });
    expect(await bySku('PWR-BAT-AA')).toMatchObject({ currency: 'EUR', unitCost: '0.4' });
    expect(await bySku('PWR-OLD')).toMatchObject({ active: false, currency: 'USD' });

    const created = await eventually('product.created events', async () => {
      const events = (await catalog.events()).filter(
        (event) => event.type === CatalogEvents.ProductCreated,
      );
      return events.length >= 3 ? events : undefined;
    });
    expect(created.map((event) => event.payload.sku).sort()).toEqual([
      'PWR-BAT-9V',
      'PWR-BAT-AA',
      'PWR-OLD',
    ]);
  });

  it('with a bad row, imports nothing and names every bad row by its line', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'GOOD-1,Good one,,,1.00,2.00,,,,,',
      'BAD-PRICE,Bad price,"line one',
      'line two",,1.2.3,2.00,,,,,',
      'BAD-CAT,Bad category,,Power > Nowhere,,,,,,,',
      ',No sku,,,,,,,,,',
      'GOOD-1,Twice,,,,,,,,,',
      'BAD-JSON,Bad parameters,,,,,EURO,,,{not json},maybe',
      'SHORT,Too few cells',
      'NEW-NO-NAME,,,,,,,,,,',
    ].join('\n');
    const error = (await catalog.fail(ImportProducts, { csv })) as ServiceError;
    expect(error.getStatus()).toBe(422);
    expect(error.message).toBe(
      '7 of 8 rows have errors, so nothing was imported. Fix them, or import with partial=true to load the 1 valid rows.',
    );
    const details = (error.getResponse() as { details: { field: string; message: string }[] })
      .details;
    expect(details.map((detail) => detail.field)).toEqual([
      'line 3: unitCost',
      'line 5: category',
      'line 6: sku',
      'line 7: sku',
      'line 8: parameters',
      'line 8: active',
      'line 8: currency',
      'line 9',
      'line 10: name',
    ]);
    expect(details[1].message).toBe('no category "Power > Nowhere"');
    expect(details[3].message).toBe('GOOD-1 appears again (first on line 2)');
    expect(details[7].message).toBe('has 2 cells; the header has 11 columns');
    expect(await count()).toBe(before);
  });

  it('with partial=true, imports the good rows and reports the bad ones', async () => {
    const csv = [HEADER, 'PART-OK,Fine,,,,,,,,,', 'PART-BAD,Bad,,,,-1,,,,,'].join('\n');
    const result = await importCsv(csv, true);
    expect(result).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(result.errors).toEqual([
      {
        line: 3,
        sku: 'PART-BAD',
        field: 'salePrice',
        message: expect.stringContaining('salePrice must be a decimal string'),
      },
    ]);
    expect(await bySku('PART-OK')).toBeDefined();
    expect(await bySku('PART-BAD')).toBeUndefined();
  });

  it('updates existing products by SKU: only the columns given, empty cells clear, unchanged rows untouched', async () => {
    await importCsv(
      [HEADER, 'UPD-A,Part A,Text A,,1.00,2.00,,Maker,MPN-A,,', 'UPD-B,Part B,,,,3.00,,,,,'].join(
        '\n',
      ),
    );
    const a = (await bySku('UPD-A'))!;
    await catalog.events();

    const result = await importCsv(
      ['sku,salePrice,manufacturer', 'upd-a,2.50,', 'UPD-B,3.00,'].join('\n'),
    );
    expect(result).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    const after = (await bySku('UPD-A'))!;
    expect(after).toMatchObject({
      id: a.id,
      name: 'Part A',
      description: 'Text A',
      unitCost: '1.00',
      salePrice: '2.50',
      manufacturer: null,
      mpn: 'MPN-A',
    });
    const updated = await eventually('product.updated of UPD-A', async () =>
      (await catalog.events()).find((event) => event.payload.sku === 'UPD-A'),
    );
    expect(updated.type).toBe(CatalogEvents.ProductUpdated);
    expect(updated.payload.changes).toEqual({
      salePrice: { from: '2.00', to: '2.50' },
      manufacturer: { from: 'Maker', to: null },
    });
  });

  it('refuses a file it cannot read as a whole with a 400 saying why', async () => {
    const unknown = await catalog.fail(ImportProducts, {
      csv: 'sku,name,colour\nA,B,red\n',
    });
    expect(unknown.getStatus()).toBe(400);
    expect(unknown.message).toContain('Unknown column "colour" in the header (line 1)');
    const noSku = await catalog.fail(ImportProducts, { csv: 'name\nB\n' });
    expect(noSku.message).toBe('The header (line 1) has no "sku" column');
    const broken = await catalog.fail(ImportProducts, {
      csv: 'sku,name\nA,"unclosed\n',
    });
    expect(broken.getStatus()).toBe(400);
    expect(broken.message).toContain('The file is not valid CSV');
  });

  it('exports in pages that re-import unchanged, and imports a file sent in several parts', async () => {
    const rows = Array.from(
      { length: 2600 },
      (_, i) =>
        `BULK-${String(i).padStart(5, '0')},Bulk part ${i},,Power > Batteries,0.0${i % 10},1.${i % 100},,Maker ${i % 7},M-${i},"{""n"":${i}}",`,
    );
    const text = [HEADER, ...rows].join('\n');
    // Three parts, cut anywhere (even inside a row): the service joins them in order.
    const importId = randomUUID();
    const cuts = [0, 40_000, 90_000, text.length];
    for (let i = 0; i < 3; i++) {
      await catalog.send(SaveImportPart, {
        importId,
        index: i,
        text: text.slice(cuts[i], cuts[i + 1]),
      });
    }
    const imported = await catalog.send<ImportResultDto>(ImportProducts, {
      importId,
      parts: 3,
    });
    expect(imported).toMatchObject({ rows: 2600, created: 2600, rejected: 0 });
    const [{ left }] = await catalog.db.query(`SELECT count(*)::int AS left FROM import_parts`);
    expect(left).toBe(0);

    const pages: ExportPageDto[] = [];
    let after: string | undefined;
    do {
      const page: ExportPageDto = await catalog.send(ExportProducts, { after });
      pages.push(page);
      after = page.next ?? undefined;
    } while (after);
    expect(pages.length).toBeGreaterThan(1);
    const exported = pages.map((page) => page.csv).join('');
    const lines = exported.trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.filter((line) => line === HEADER)).toHaveLength(1);
    expect(lines.length - 1).toBe(await count());
    expect(pages.reduce((sum, page) => sum + page.rows, 0)).toBe(lines.length - 1);
    expect(lines).toContain(
      'BULK-00013,Bulk part 13,,Power > Batteries,0.03,1.13,USD,Maker 6,M-13,"{""n"":13}",true',
    );
    // Each page stays far below NATS' 1 MB message limit.
    for (const page of pages) expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(600_000);

    // The export imports back as it is: nothing changes.
    const reimportId = randomUUID();
    for (const [index, page] of pages.entries()) {
      await catalog.send(SaveImportPart, {
        importId: reimportId,
        index,
        text: page.csv,
      });
    }
    const again = await catalog.send<ImportResultDto>(ImportProducts, {
      importId: reimportId,
      parts: pages.length,
    });
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      rejected: 0,
      unchanged: lines.length - 1,
    });
  });

  it('refuses NUL, control characters, line breaks in one-line cells and reserved parameter names, naming line and field', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'NUL-1,Nul\u0000name,,,,,,,,,',
      'NUL-2,Fine,"desc with \u0000 inside",,,,,,,,',
      '"NUL\u0000SKU",Fine,,,,,,,,,',
      'PARAM-1,Fine,,,,,,,,"{""constructor"":""y""}",',
      'PARAM-2,Fine,,,,,,,,"{""a"":{""__proto__"":1}}",',
      'LF-1,"two\nlines",,,,,,,,,',
      'ESC-1,Fine,,,,,,Maker\u001b[2J,,,',
      'TAB-1,tab\there,,,,,,,,,',
    ].join('\n');
    const error = (await catalog.fail(ImportProducts, { csv })) as ServiceError;
    expect(error.getStatus()).toBe(422);
    const details = (error.getResponse() as { details: { field: string; message: string }[] })
      .details;
    expect(details).toEqual([
      {
        field: 'line 2: name',
        message: 'name must not contain control characters (U+0000 at position 4)',
      },
      {
        field: 'line 3: description',
        message: 'description must not contain control characters (U+0000 at position 11)',
      },
      {
        field: 'line 4: sku',
        message: 'sku must not contain control characters (U+0000 at position 4)',
      },
      {
        field: 'line 5: parameters',
        message: 'parameters.constructor "constructor" is not accepted as a field name',
      },
      {
        field: 'line 6: parameters',
        message: 'parameters.a.__proto__ "__proto__" is not accepted as a field name',
      },
      {
        field: 'line 7: name',
        message: 'name must be one line: no line breaks, tabs or other control characters',
      },
      {
        field: 'line 9: manufacturer',
        message: 'manufacturer must not contain control characters (U+001B at position 6)',
      },
      {
        field: 'line 10: name',
        message: 'name must be one line: no line breaks, tabs or other control characters',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('exports cells a spreadsheet would run as formulas behind a quote, and imports them back unchanged', async () => {
    const names = ["=cmd|' /C calc'!A0", '+1+1', '-40 °C sensor', '@SUM(A1)', "'=already quoted"];
    // The file a spreadsheet would write for these values: formulas behind a quote.
    const quoted = (cell: string) => (/^'*[=+\-@]/.test(cell) ? `'${cell}` : cell);
    const csv = [
      'sku,name,description,manufacturer',
      ...names.map((name, i) => csvRow([`FORMULA-${i}`, name, `=HYPERLINK("x")`, '-'].map(quoted))),
    ].join('\n');
    expect(await importCsv(csv)).toMatchObject({ created: names.length, rejected: 0 });
    expect((await bySku('FORMULA-0'))?.name).toBe(names[0]);

    const exported = await exportAll();
    const rows = exported.split('\n').filter((line) => line.startsWith('FORMULA-'));
    expect(rows[0]).toBe(`FORMULA-0,'=cmd|' /C calc'!A0,"'=HYPERLINK(""x"")",,,,USD,'-,,,true`);
    expect(rows[2]).toContain(",'-40 °C sensor,");
    expect(rows[4]).toContain(",''=already quoted,");
    for (const row of rows) {
      for (const cell of row.split(',')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    // Round trip: the exported file imports back with no change at all.
    const again = await importCsv([exported.split('\n')[0], ...rows].join('\n'));
    expect(again).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    for (const [i, name] of names.entries()) {
      expect(await bySku(`FORMULA-${i}`)).toMatchObject({
        name,
        description: '=HYPERLINK("x")',
        manufacturer: '-',
      });
    }
  });

  it('exports only the products that match the list filters: words, SKU, category subtree, active, stock status', async () => {
    const csv = [
      'sku,name,category,active',
      'FILTER-A,Filter lipo cell,Power > Batteries,true',
      'FILTER-B,Filter lipo pack,Power,false',
      'FILTER-C,Filter resistor,,true',
    ].join('\n');
    expect(await importCsv(csv)).toMatchObject({ created: 3, rejected: 0 });
    const skus = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
    const power = (await catalog.send<CategoryDto[]>(ListCategories, {})).find(
      (category) => category.name === 'Power',
    )!;

    expect(skus(await exportAll({ search: 'filter lipo' }))).toEqual(['FILTER-A', 'FILTER-B']);
    expect(skus(await exportAll({ search: 'filter', active: true }))).toEqual([
      'FILTER-A',
      'FILTER-C',
    ]);
    expect(skus(await exportAll({ search: 'filter', categoryId: power.id }))).toEqual([
      'FILTER-A',
      'FILTER-B',
    ]);
    // Stock status and SKU, as the list takes them (the status is the copy the stock-status
    // consumer keeps: test/stock-status-copy.spec.ts feeds it through the queue).
    await catalog.db.query(
      `UPDATE products SET stock_status = v.status, stock_status_at = now()
         FROM (VALUES ('FILTER-A', 'low'), ('FILTER-B', 'out'), ('FILTER-C', 'low')) AS v(sku, status)
        WHERE products.sku = v.sku`,
    );
    expect(skus(await exportAll({ search: 'filter', status: 'low' }))).toEqual([
      'FILTER-A',
      'FILTER-C',
    ]);
    expect(skus(await exportAll({ status: 'out', active: false, search: 'filter' }))).toEqual([
      'FILTER-B',
    ]);
    expect(skus(await exportAll({ sku: 'FILTER-C' }))).toEqual(['FILTER-C']);
    // The header row comes even when nothing matches, so the file still imports.
    expect(await exportAll({ search: 'no such words anywhere' })).toBe(
      `${(await exportAll()).split('\n')[0]}\n`,
    );
  });

  it('refuses an import whose parts did not all arrive', async () => {
    const importId = randomUUID();
    await catalog.send(SaveImportPart, {
      importId,
      index: 0,
      text: `${HEADER}\n`,
    });
    await catalog.send(SaveImportPart, { importId, index: 2, text: 'X,Y\n' });
    const error = await catalog.fail(ImportProducts, { importId, parts: 3 });
    expect(error.getStatus()).toBe(400);
    expect(error.message).toBe(
      `Import ${importId} is incomplete: 2 of 3 parts arrived (missing part 1)`,
    );
  });
});
