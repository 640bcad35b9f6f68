import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotificationPatterns, RunDigestDto, type DigestRunResult } from '@inventory/contracts';
import { RunDigestService } from './run-digest.service';

@Controller()
export class RunDigestMessageController {
  constructor(private readonly digest: RunDigestService) {}

  /** The digest on demand (admin route, CLI): `{ force?: boolean }`. */
  @MessagePattern(NotificationPatterns.digestRun)
  run(@Payload('data') dto: RunDigestDto): Promise<DigestRunResult> {
    return this.digest.run({ force: dto.force ?? false, trigger: 'on_demand' });
  }
}
