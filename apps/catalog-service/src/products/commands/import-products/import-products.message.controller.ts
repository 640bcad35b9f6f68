import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ImportPartDto,
  ImportProducts,
  ImportProductsDto,
  type RequestMeta,
  SaveImportPart,
} from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { actorOf } from '../../../actor';
import { ImportProductsService } from './import-products.service';

/** A CSV import: its parts one by one when it is big, then the import of the whole. */
@Controller()
export class ImportProductsMessageController {
  constructor(private readonly importing: ImportProductsService) {}

  @AnswersRequest(SaveImportPart)
  importPart(@Payload('data') dto: ImportPartDto) {
    return this.importing.savePart(dto);
  }

  @AnswersRequest(ImportProducts)
  import(@Payload('data') dto: ImportProductsDto, @Payload('meta') meta: RequestMeta) {
    return this.importing.import(dto, actorOf(meta));
  }
}
