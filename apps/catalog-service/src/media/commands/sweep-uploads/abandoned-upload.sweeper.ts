import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { MediaRepository } from '../../database/media.repository';
import { MEDIA_STORAGE, type MediaStorage } from '../../storage/media-storage.port';

/** How long after its URL expired an unconfirmed upload is cleaned up. */
const GRACE_SECONDS = 3600;
const INTERVAL_MS = 10 * 60 * 1000;
export const SWEEP_UPLOADS_TASK = 'sweep-uploads';

/**
 * Uploads asked for but never completed (and refused files storage could not delete at
 * once) leave objects behind. Every few minutes their objects and records are removed.
 * Rows are taken with SKIP LOCKED, so several instances share the work. The interval is
 * registered with the SchedulerRegistry, which clears it at shutdown.
 */
@Injectable()
export class AbandonedUploadSweeper implements OnApplicationBootstrap {
  private readonly logger = new Logger(AbandonedUploadSweeper.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.sweep().catch(() => undefined), INTERVAL_MS);
    timer.unref();
    this.registry.addInterval(SWEEP_UPLOADS_TASK, timer);
  }

  /** Removes one batch; returns how many uploads were cleaned up. */
  async sweep(graceSeconds = GRACE_SECONDS): Promise<number> {
    const swept = await this.dataSource.transaction(async (manager) => {
      const uploads = await this.media.takeAbandonedUploads(manager, graceSeconds, 500);
      if (uploads.length === 0) return 0;
      await this.storage.remove(uploads.map((upload) => upload.storageKey));
      await this.media.deleteUploads(
        manager,
        uploads.map((upload) => upload.id),
      );
      return uploads.length;
    });
    if (swept > 0) this.logger.log({ event: 'media.uploads_swept', count: swept });
    return swept;
  }
}
