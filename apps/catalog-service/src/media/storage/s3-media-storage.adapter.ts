import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { awsClientConfig, UpstreamError } from '@inventory/platform';
import { chunk } from '../../database/sql';
import type { CatalogConfig } from '../../catalog.config';
import type { MediaStorage, PresignedUpload, StoredObject } from './media-storage.port';

type S3Settings = Pick<
  CatalogConfig,
  | 'AWS_REGION'
  | 'S3_BUCKET'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_PUBLIC_BASE_URL'
  | 'S3_PRESIGN_EXPIRY_SECONDS'
>;

export function createS3Client(config: S3Settings): S3Client {
  return new S3Client({
    ...awsClientConfig(config, { requestTimeout: 10_000 }),
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    // Checksums computed over an empty body would end up in presigned upload URLs and make
    // S3 refuse the real file; send them only where S3 requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Media in an S3 bucket (AWS, or a stand-in through AWS_ENDPOINT_URL_S3). Uploads are
 * presigned with Content-Type and Content-Length among the signed headers, so S3 itself
 * refuses a PUT of another type or size than the one asked for.
 */
export class S3MediaStorage implements MediaStorage, OnApplicationShutdown {
  private readonly logger = new Logger('MediaStorage');

  constructor(
    private readonly s3: S3Client,
    private readonly config: S3Settings,
  ) {}

  onApplicationShutdown(): void {
    this.s3.destroy();
  }

  private get bucket(): string {
    return this.config.S3_BUCKET;
  }

  private get expiresIn(): number {
    return this.config.S3_PRESIGN_EXPIRY_SECONDS;
  }

  async presignUpload(key: string, contentType: string, size: number): Promise<PresignedUpload> {
    const url = await this.attempt('presign an upload for', key, () =>
      getSignedUrl(
        this.s3,
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ContentType: contentType,
          ContentLength: size,
        }),
        {
          expiresIn: this.expiresIn,
          signableHeaders: new Set(['content-type', 'content-length']),
        },
      ),
    );
    return {
      url,
      method: 'PUT',
      headers: { 'Content-Type': contentType },
      expiresAt: new Date(Date.now() + this.expiresIn * 1000),
    };
  }

  async stat(key: string): Promise<StoredObject | null> {
    return this.attempt('inspect', key, async () => {
      try {
        const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
        return { size: Number(head.ContentLength ?? 0), contentType: head.ContentType };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
  }

  async readRange(key: string, start: number, length: number): Promise<Buffer> {
    return this.attempt('read', key, async () => {
      const answer = await this.s3.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: `bytes=${start}-${start + length - 1}`,
        }),
      );
      const body = answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      // A server that ignores Range sends everything: keep only what was asked for.
      const whole = answer.ContentRange === undefined && body.length > length;
      return Buffer.from(whole ? body.subarray(start, start + length) : body.subarray(0, length));
    });
  }

  async copy(fromKey: string, toKey: string): Promise<StoredObject | null> {
    return this.attempt('copy', fromKey, async () => {
      try {
        await this.s3.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            CopySource: `${this.bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
            Key: toKey,
            MetadataDirective: 'COPY',
          }),
        );
      } catch (error) {
        if (isNotFound(error) || (error as { name?: string })?.name === 'NoSuchKey') return null;
        throw error;
      }
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: toKey }));
      return { size: Number(head.ContentLength ?? 0), contentType: head.ContentType };
    });
  }

  async remove(keys: string[]): Promise<void> {
    for (const batch of chunk(keys, 1000)) {
      await this.attempt('delete', batch.join(', '), async () => {
        const answer = await this.s3.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (answer.Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
        if (failed.length > 0) {
          throw new Error(
            `S3 did not delete ${failed.map((e) => `${e.Key} (${e.Code}: ${e.Message})`).join(', ')}`,
          );
        }
      });
    }
  }

  async downloadUrl(
    key: string,
    options: { filename?: string; contentType?: string } = {},
  ): Promise<{ url: string; expiresAt: Date | null }> {
    if (this.config.S3_PUBLIC_BASE_URL) {
      const base = this.config.S3_PUBLIC_BASE_URL.replace(/\/+$/, '');
      return {
        url: `${base}/${key.split('/').map(encodeURIComponent).join('/')}`,
        expiresAt: null,
      };
    }
    const url = await this.attempt('presign a download of', key, () =>
      getSignedUrl(
        this.s3,
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ResponseContentType: options.contentType,
          ResponseContentDisposition: options.filename
            ? `inline; filename="${options.filename.replace(/["\\]/g, '')}"`
            : undefined,
        }),
        { expiresIn: this.expiresIn },
      ),
    );
    return { url, expiresAt: new Date(Date.now() + this.expiresIn * 1000) };
  }

  /** Runs one storage call; a failure is logged with its cause and becomes a 502. */
  private async attempt<T>(operation: string, key: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.error(
        { event: 'media.storage_failed', operation, key, bucket: this.bucket, err: error },
        `media storage failed to ${operation} ${key}`,
      );
      throw new UpstreamError(
        `Media storage is unavailable (could not ${operation} the file); please try again later`,
      );
    }
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.$metadata.httpStatusCode === 404 || error.name === 'NotFound';
  }
  return (error as { name?: string })?.name === 'NotFound';
}
