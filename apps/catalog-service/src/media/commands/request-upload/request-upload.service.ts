import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  MEDIA_CONTENT_TYPES,
  type RequestUploadRequestDto,
  type UploadTicketDto,
} from '@inventory/contracts';
import { InvalidInputError, NotFoundError } from '@inventory/platform';
import { DataSource } from 'typeorm';
import { CatalogConfig } from '../../../catalog.config';
import { FOREIGN_KEY_VIOLATION, postgresError } from '../../../database/postgres-errors';
import { ProductsRepository } from '../../../products/database/products.repository';
import { MediaRepository } from '../../database/media.repository';
import {
  acceptsContentType,
  aKind,
  formatBytes,
  safeFilename,
  uploadKey,
} from '../../domain/media-rules';
import { MEDIA_STORAGE, type MediaStorage } from '../../storage/media-storage.port';

/**
 * Step 1 of attaching a file: check what the client says it will upload, then hand out a
 * presigned URL for exactly that (type and size are signed). Nothing is attached yet.
 */
@Injectable()
export class RequestUploadService {
  private readonly logger = new Logger(RequestUploadService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: CatalogConfig,
    private readonly products: ProductsRepository,
    private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  async request(dto: RequestUploadRequestDto, actor: string | null): Promise<UploadTicketDto> {
    const product = await this.products.findById(this.dataSource.manager, dto.productId);
    if (!product) throw new NotFoundError(`Product ${dto.productId} not found`);

    if (!acceptsContentType(dto.kind, dto.contentType)) {
      const accepted = MEDIA_CONTENT_TYPES[dto.kind].join(', ');
      throw new InvalidInputError(
        `${capitalised(aKind(dto.kind))} must be ${accepted}, not ${dto.contentType}`,
        [{ field: 'contentType', message: `must be one of ${accepted} for a ${dto.kind}` }],
      );
    }
    const limit = this.limit(dto.kind);
    if (dto.size > limit) {
      this.logger.warn({
        event: 'media.rejected',
        productId: dto.productId,
        kind: dto.kind,
        reason: 'too_large',
        size: dto.size,
        limit,
      });
      throw new InvalidInputError(
        `The file is ${formatBytes(dto.size)}; ${aKind(dto.kind)} may be at most ${formatBytes(limit)}`,
        [{ field: 'size', message: `must be at most ${limit} bytes` }],
      );
    }

    const uploadId = randomUUID();
    const filename = safeFilename(dto.filename, dto.contentType);
    const key = uploadKey(dto.kind, dto.productId, uploadId);
    const ticket = await this.storage.presignUpload(key, dto.contentType, dto.size);
    await this.media
      .insertUpload(
        this.dataSource.manager,
        {
          id: uploadId,
          productId: dto.productId,
          kind: dto.kind,
          storageKey: key,
          filename,
          contentType: dto.contentType,
          size: dto.size,
          expiresAt: ticket.expiresAt,
        },
        actor,
      )
      .catch((error: unknown) => {
        if (postgresError(error).code === FOREIGN_KEY_VIOLATION) {
          throw new NotFoundError(`Product ${dto.productId} not found`);
        }
        throw error;
      });
    return {
      uploadId,
      url: ticket.url,
      method: ticket.method,
      headers: ticket.headers,
      expiresAt: ticket.expiresAt.toISOString(),
    };
  }

  private limit(kind: 'image' | 'datasheet'): number {
    return kind === 'image'
      ? this.config.MEDIA_MAX_IMAGE_BYTES
      : this.config.MEDIA_MAX_DATASHEET_BYTES;
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
