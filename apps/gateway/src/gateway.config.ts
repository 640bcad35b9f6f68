import { AppBaseConfig, EnvInt, EnvPort } from '@inventory/platform';
import { IsEmail, IsOptional, IsString, IsUrl, MinLength } from 'class-validator';

/** Configuration of the gateway, read from the environment at boot. */
export class GatewayConfig extends AppBaseConfig {
  @EnvPort()
  PORT = 3000;

  /** Address the HTTP server binds to. */
  @IsString()
  HOST = '0.0.0.0';

  /** Signs access tokens. At least 32 characters; never the development default in production. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /** Where people reach the system; used for links in emails. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'PUBLIC_URL must be an http(s) URL' },
  )
  PUBLIC_URL!: string;

  /** The first admin, created on first start when there is no user yet. */
  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  /** Comma-separated origins allowed by CORS (a browser console on another origin); empty: none. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  /** Largest JSON request body, in bytes. */
  @EnvInt(1024, 50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest CSV file accepted by POST /products/import, in bytes. */
  @EnvInt(1024, 1024 * 1024 * 1024)
  CSV_IMPORT_MAX_BYTES = 64 * 1024 * 1024;
}
