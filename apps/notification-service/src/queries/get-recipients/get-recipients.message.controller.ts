import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { NotificationPatterns, type AlertRecipients } from '@inventory/contracts';
import { DataSource } from 'typeorm';
import { AlertRecipientsStore } from '../../database/alert-recipients.repository';

@Controller()
export class GetRecipientsMessageController {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(NotificationPatterns.recipientsGet)
  get(): Promise<AlertRecipients> {
    return AlertRecipientsStore.get(this.dataSource);
  }
}
