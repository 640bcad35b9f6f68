import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { StockPatterns, type SyncProductsReply, SyncProductsRequest } from '@inventory/contracts';
import { SyncProductsService } from './sync-products.service';

@Controller()
export class SyncProductsMessageController {
  constructor(private readonly service: SyncProductsService) {}

  @MessagePattern(StockPatterns.productsSync)
  sync(@Payload('data') request: SyncProductsRequest): Promise<SyncProductsReply> {
    return this.service.sync(request);
  }
}
