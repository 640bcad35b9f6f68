import { randomUUID } from 'node:crypto';
import {
  Controller,
  HttpCode,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CSV_PART_MAX_CHARS,
  ImportProducts,
  ImportQueryDto,
  ImportResultDto,
  PRODUCT_CSV_COLUMNS,
  Role,
  SaveImportPart,
} from '@inventory/contracts';
import { ServiceBus } from '@inventory/platform';
import type { FastifyRequest } from 'fastify';
import { Roles } from '../../../auth/auth.decorators';
import { GatewayConfig } from '../../../gateway.config';
import { ApiErrors } from '../../../http/api-errors.decorator';
import { AcceptsCsvBody, CSV_CONTENT_TYPES, readCsvParts } from '../../csv-body.parser';

/** A big import takes a while at the service; the usual bus timeout is for quick requests. */
const IMPORT_TIMEOUT_MS = 5 * 60 * 1000;
/** Parts sent to the catalog service at the same time. */
const PARTS_IN_FLIGHT = 4;

/**
 * CSV imports. The file does not travel in one bus message (NATS carries at most 1 MB by
 * default): it is sent in parts, then imported as a whole (docs/catalog.md).
 */
@ApiTags('products')
@Controller('products')
export class ImportProductsHttpController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly config: GatewayConfig,
  ) {}

  @Post('import')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    operationId: 'ProductsCsvHttpController_import',
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
