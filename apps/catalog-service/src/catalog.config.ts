import { EnvBoolean, EnvInt, ServiceBaseConfig } from '@inventory/platform';
import {
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
} from 'class-validator';

const MB = 1024 * 1024;

/** Configuration of the catalog service, read from the environment at boot. */
export class CatalogConfig extends ServiceBaseConfig {
  override BUS_PORT = 4001;
  override HEALTH_PORT = 3001;

  /** Currency of prices given without one (ISO 4217). */
  @IsISO4217CurrencyCode({ message: 'DEFAULT_CURRENCY must be an ISO 4217 code such as EUR' })
  DEFAULT_CURRENCY = 'USD';

  /** Bucket holding product images and datasheets. */
  @IsString()
  @IsNotEmpty()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET!: string;

  /** Path-style addressing (http://host/bucket/key): S3 stand-ins and LocalStack need it. */
  @EnvBoolean()
  S3_FORCE_PATH_STYLE = false;

  /**
   * When the bucket (or a CDN in front of it) is publicly readable: media URLs become
   * `<S3_PUBLIC_BASE_URL>/<key>` instead of presigned GETs.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'S3_PUBLIC_BASE_URL must be an http(s) URL' },
  )
  S3_PUBLIC_BASE_URL?: string;

  /** How long presigned upload and download URLs work. */
  @EnvInt(60, 7 * 24 * 3600)
  S3_PRESIGN_EXPIRY_SECONDS = 900;

  @EnvInt(1024, 100 * MB)
  MEDIA_MAX_IMAGE_BYTES = 10 * MB;

  @EnvInt(1024, 500 * MB)
  MEDIA_MAX_DATASHEET_BYTES = 25 * MB;

  /** Largest number of data rows one CSV import may hold. */
  @EnvInt(1, 1_000_000)
  CSV_IMPORT_MAX_ROWS = 200_000;
}
