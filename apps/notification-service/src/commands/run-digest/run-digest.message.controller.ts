import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RunDigestDto, type DigestRunResult, RunDigest } from '@inventory/contracts';
import { AnswersRequest } from '@inventory/platform';
import { RunDigestService } from './run-digest.service';

@Controller()
export class RunDigestMessageController {
  constructor(private readonly digest: RunDigestService) {}

  /** The digest on demand (admin route, CLI): `{ force?: boolean }`. */
  @AnswersRequest(RunDigest)
  run(@Payload('data') dto: RunDigestDto): Promise<DigestRunResult> {
    return this.digest.run({ force: dto.force ?? false, trigger: 'on_demand' });
  }
}
