import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ExportPageRequestDto, ExportProducts } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { ExportProductsService } from './export-products.service';

/** One page of the CSV export at a time (the gateway streams them to the client). */
@Controller()
export class ExportProductsMessageController {
  constructor(private readonly exporting: ExportProductsService) {}

  @AnswersRequest(ExportProducts)
  export(@Payload('data') dto: ExportPageRequestDto) {
    const { after, ...filters } = dto;
    return this.exporting.page(after, undefined, filters);
  }
}
