import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  StreamableFile,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CSV_PART_MAX_CHARS,
  type ExportPageDto,
  ExportProductsQueryDto,
  ImportQueryDto,
  ImportResultDto,
  PRODUCT_CSV_COLUMNS,
  Role,
  ExportProducts,
  ImportProducts,
  SaveImportPart,
} from '@inventory/contracts';
import { RequestContext, ServiceBus } from '@inventory/platform';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { GatewayConfig } from '../gateway.config';
import { ApiErrors } from '../http/api-errors.decorator';
import { AcceptsCsvBody, CSV_CONTENT_TYPES, readCsvParts } from './csv-body.parser';

/**
 * Schemas of the CSV format for the OpenAPI document: no JSON body carries the columns, but
 * clients need them by name (the console checks a file's header before sending it).
 */
export const PRODUCT_CSV_SCHEMAS = {
  ProductCsvColumn: {
    type: 'string',
    enum: [...PRODUCT_CSV_COLUMNS],
    description:
      'A column of the product CSV, in export order: the header of an import names some of them (sku is required), an export has all of them.',
  },
};

/** A big import takes a while at the service; the usual bus timeout is for quick requests. */
export const IMPORT_TIMEOUT_MS = 5 * 60 * 1000;
/** Parts sent to the catalog service at the same time. */
const PARTS_IN_FLIGHT = 4;

/**
 * The catalog as a CSV file, and CSV imports. Neither the file nor the export travels in
 * one bus message (NATS carries at most 1 MB by default): the export is fetched page by
 * page while it streams to the client, the import is sent in parts (docs/catalog.md).
 */
@ApiTags('products')
@Controller('products')
export class ProductsCsvHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly config: GatewayConfig,
  ) {}

  @Get('export.csv')
  @ApiOperation({
    summary: 'Download the products as CSV (the import format), optionally filtered like the list',
    description: `Columns: ${PRODUCT_CSV_COLUMNS.join(', ')}. Categories as paths ("Power > Batteries"), parameters as JSON.`,
  })
  // The file is CSV; its errors are JSON in the one error shape like every other route.
  @ApiOkResponse({
    description: 'The CSV file',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 404, 503, 504)
  async export(@Query() query: ExportProductsQueryDto): Promise<StreamableFile> {
    const context = RequestContext.current();
    const bus = this.bus;
    // The first page is asked for before answering, so a failure is still a proper error.
    const filters: ExportProductsQueryDto = {
      search: query.search,
      sku: query.sku,
      categoryId: query.categoryId,
      active: query.active,
      status: query.status,
    };
    const first = await bus.send(ExportProducts, filters);
    async function* pages(): AsyncGenerator<string> {
      yield first.csv;
      for (let next = first.next; next !== null;) {
        const after = next;
        const page: ExportPageDto = await RequestContext.run(
          context ?? { correlationId: randomUUID() },
          () => bus.send(ExportProducts, { ...filters, after }),
        );
        yield page.csv;
        next = page.next;
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(pages()), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="products-${date}.csv"`,
    });
  }

  @Post('import')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create or update products by SKU from a CSV file',
    description:
      'Send the file as the body with Content-Type text/csv. A header row names the columns (sku is required; a column left out leaves that field unchanged; an empty cell clears an optional field). Every row is checked first: with any bad row nothing changes (422 listing each bad line) unless partial=true, which imports the good rows and reports the bad ones.',
  })
  @AcceptsCsvBody()
  @ApiBody({
    schema: {
      type: 'string',
      example: `${PRODUCT_CSV_COLUMNS.join(',')}\nPWR-BAT-9V,9V battery,,Power > Batteries,1.60,3.20,USD,Duracell,MN1604,"{""voltage"":""9V""}",true\n`,
    },
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiErrors(400, 401, 403, 409, 413, 415, 422, 503, 504)
  async import(
    @Req() request: FastifyRequest,
    @Query() query: ImportQueryDto,
  ): Promise<ImportResultDto> {
    const contentType = request.headers['content-type'] ?? '';
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (!CSV_CONTENT_TYPES.includes(type)) {
      throw new UnsupportedMediaTypeException(
        'Send the file as the request body with Content-Type: text/csv',
      );
    }
    // Read only now, after the admin check: the body was left unread until here.
    const parts = await readCsvParts(
      request.body,
      request.headers as Record<string, string>,
      this.config.CSV_IMPORT_MAX_BYTES,
      CSV_PART_MAX_CHARS,
    );
    const options = { timeoutMs: IMPORT_TIMEOUT_MS };
    if (parts.length <= 1) {
      return this.bus.send(
        ImportProducts,
        { csv: parts[0] ?? '', partial: query.partial },
        options,
      );
    }
    const importId = randomUUID();
    for (let start = 0; start < parts.length; start += PARTS_IN_FLIGHT) {
      await Promise.all(
        parts.slice(start, start + PARTS_IN_FLIGHT).map((text, offset) =>
          this.bus.send(SaveImportPart, {
            importId,
            index: start + offset,
            text,
          }),
        ),
      );
    }
    return this.bus.send(
      ImportProducts,
      { importId, parts: parts.length, partial: query.partial },
      options,
    );
  }
}
