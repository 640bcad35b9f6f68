import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

/** Logs `app.stopping` with the signal that asked for it, before anything is torn down. */
@Injectable()
export class LifecycleLogger implements BeforeApplicationShutdown {
  constructor(@InjectPinoLogger('Lifecycle') private readonly logger: PinoLogger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info({ event: 'app.stopping', signal }, 'stopping');
  }
}
