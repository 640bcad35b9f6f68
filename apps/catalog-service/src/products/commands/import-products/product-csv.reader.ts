import { PRODUCT_CSV_COLUMNS, type ProductCsvColumn, UpdateProductDto } from '@inventory/contracts';
import {
  InvalidInputError,
  inputProblems,
  textProblem,
  validationDetails,
} from '@inventory/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
import type { CategoryTree } from '../../../categories/domain/category-tree';
import type { ProductFields } from '../../domain/product';
import { unescapeFormula } from '../../domain/csv-formulas';
import { applyUpdate } from '../../domain/product-changes';

export interface CsvRow {
  /** Line in the file where the record starts (the header is line 1). */
  line: number;
  cells: Partial<Record<ProductCsvColumn, string>>;
  /** How many cells the record has (rows of another width than the header are refused). */
  width: number;
}

export interface RowProblem {
  field: string | null;
  message: string;
}

/**
 * Reads the file into rows. Problems with the file as a whole (not CSV, no `sku` column,
 * unknown columns, too many rows) are a 400; problems of single rows are left for
 * `readProductRow`, so every bad row can be reported with its line.
 */
export function parseProductCsv(
  text: string,
  maxRows: number,
): { columns: ProductCsvColumn[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InvalidInputError(
        `The file is not valid CSV${line ? ` at line ${line}` : ''}: ${error.message}`,
      );
    }
    throw error;
  }
  if (records.length === 0) throw new InvalidInputError('The file is empty: it needs a header row');

  const header = records[0].record.map((name) => name.trim());
  const known = new Map(PRODUCT_CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns: ProductCsvColumn[] = [];
  for (const name of header) {
    const column = known.get(name.toLowerCase());
    if (!column) {
      throw new InvalidInputError(
        `Unknown column "${name}" in the header (line 1); the columns are ${PRODUCT_CSV_COLUMNS.join(', ')}`,
      );
    }
    if (columns.includes(column))
      throw new InvalidInputError(`Column "${column}" appears twice in the header`);
    columns.push(column);
  }
  if (!columns.includes('sku'))
    throw new InvalidInputError('The header (line 1) has no "sku" column');
  if (records.length - 1 > maxRows) {
    throw new InvalidInputError(
      `The file has ${records.length - 1} rows; at most ${maxRows} can be imported at once`,
    );
  }

  const rows = records.slice(1).map(({ record, info }): CsvRow => {
    // info.lines is where the record ends; quoted line breaks inside it move its start up.
    const breaks = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: CsvRow['cells'] = {};
    columns.forEach((column, i) => (cells[column] = record[i]));
    return { line: info.lines - breaks, cells, width: record.length };
  });
  return { columns, rows };
}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/** Defaults of a new product for the fields its row leaves out. */
export const newProductDefaults = (currency: string): Omit<ProductFields, 'sku' | 'name'> => ({
  description: null,
  categoryId: null,
  unitCost: null,
  salePrice: null,
  currency,
  manufacturer: null,
  mpn: null,
  parameters: {},
  active: true,
});

/**
 * One row → the product's fields after the import, or what is wrong with the row.
 * An empty cell clears an optional field (description, category, prices, manufacturer,
 * MPN); for name, currency, parameters and active it means "leave as it is" (defaults for
 * a new product). A column missing from the header leaves its field as it is.
 */
export function readProductRow(
  row: CsvRow,
  columns: ProductCsvColumn[],
  current: ProductFields | undefined,
  tree: CategoryTree,
  defaultCurrency: string,
): { fields: ProductFields } | { problems: RowProblem[] } {
  if (row.width !== columns.length) {
    return {
      problems: [
        {
          field: null,
          message: `has ${row.width} cells; the header has ${columns.length} columns`,
        },
      ],
    };
  }
  const problems: RowProblem[] = [];
  const input: Record<string, unknown> = {};
  const refused = new Set<ProductCsvColumn>();
  for (const column of columns) {
    const raw = unescapeFormula(row.cells[column] ?? '');
    // The same rule as every JSON field: no NUL (Postgres cannot store it), no other
    // control characters but line breaks and tabs, no broken Unicode.
    const cellProblem = textProblem(raw);
    if (cellProblem) {
      problems.push({ field: column, message: `${column} ${cellProblem}` });
      refused.add(column);
      continue;
    }
    const value = raw.trim();
    switch (column) {
      case 'category':
        if (value === '') input.categoryId = null;
        else {
          const category = tree.findByPath(value);
          if (category) input.categoryId = category.id;
          else problems.push({ field: 'category', message: `no category "${value}"` });
        }
        break;
      case 'parameters':
        if (value !== '') {
          let parameters: unknown;
          try {
            parameters = JSON.parse(value);
          } catch {
            problems.push({
              field: 'parameters',
              message: 'parameters must be a JSON object, e.g. {"package":"DIP-8"}',
            });
            break;
          }
          // Checked like a JSON body before anything copies it (a "constructor" name broke
          // class-transformer).
          const found = inputProblems(parameters);
          if (found.length > 0) {
            for (const problem of found) {
              const field = problem.field === 'body' ? '' : `.${problem.field}`;
              problems.push({
                field: 'parameters',
                message: `parameters${field} ${problem.message}`,
              });
            }
          } else input.parameters = parameters;
        }
        break;
      case 'active':
        if (value !== '') {
          const active = BOOLEANS[value.toLowerCase()];
          if (active === undefined)
            problems.push({ field: 'active', message: 'active must be true or false' });
          else input.active = active;
        }
        break;
      case 'name':
      case 'currency':
        if (value !== '') input[column] = value;
        break;
      default:
        // sku, description, unitCost, salePrice, manufacturer, mpn: empty clears (null).
        input[column] = value === '' ? null : value;
    }
  }
  if ((input.sku === null || input.sku === undefined) && !refused.has('sku')) {
    problems.push({ field: 'sku', message: 'sku is required' });
  }
  if (input.sku === null) delete input.sku;
  if (!current && input.name === undefined && !refused.has('name')) {
    problems.push({ field: 'name', message: 'name is required for a new product' });
  }

  const dto = plainToInstance(UpdateProductDto, input);
  const errors = validateSync(dto, {
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  for (const detail of validationDetails(errors)) {
    const field = detail.field === 'categoryId' ? 'category' : detail.field;
    problems.push({ field, message: detail.message });
  }
  if (problems.length > 0) return { problems };

  const base: ProductFields = current ?? {
    sku: dto.sku!,
    name: dto.name!,
    ...newProductDefaults(defaultCurrency),
  };
  return { fields: applyUpdate(base, dto) };
}
