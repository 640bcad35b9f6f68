import type { Provider } from '@nestjs/common';
import { CatalogConfig } from '../../catalog.config';
import { MEDIA_STORAGE } from './media-storage.port';
import { createS3Client, S3MediaStorage } from './s3-media-storage.adapter';

/**
 * The media storage adapter. S3 is the one production has; the bucket, endpoint (through
 * AWS_ENDPOINT_URL_S3), addressing style and public URL come from configuration.
 */
export const mediaStorageProvider: Provider = {
  provide: MEDIA_STORAGE,
  inject: [CatalogConfig],
  useFactory: (config: CatalogConfig) => new S3MediaStorage(createS3Client(config), config),
};
