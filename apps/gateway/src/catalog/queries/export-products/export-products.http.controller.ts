import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ExportPageDto,
  ExportProducts,
  ExportProductsQueryDto,
  PRODUCT_CSV_COLUMNS,
} from '@inventory/contracts';
import { RequestContext, ServiceBus } from '@inventory/platform';
import { ApiErrors } from '../../../http/api-errors.decorator';

/**
 * The catalog as a CSV file. The export does not travel in one bus message (NATS carries at
 * most 1 MB by default): it is fetched page by page while it streams to the client
 * (docs/catalog.md).
 */
@ApiTags('products')
@Controller('products')
export class ExportProductsHttpController {
  constructor(private readonly bus: ServiceBus) {}

  @Get('export.csv')
  @ApiOperation({
    operationId: 'ProductsCsvHttpController_export',
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
}
