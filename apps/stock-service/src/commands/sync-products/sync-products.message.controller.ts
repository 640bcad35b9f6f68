import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type SyncProductsReply, SyncProductsRequest, SyncProducts } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { SyncProductsService } from './sync-products.service';

@Controller()
export class SyncProductsMessageController {
  constructor(private readonly service: SyncProductsService) {}

  @AnswersRequest(SyncProducts)
  sync(@Payload('data') request: SyncProductsRequest): Promise<SyncProductsReply> {
    return this.service.sync(request);
  }
}
