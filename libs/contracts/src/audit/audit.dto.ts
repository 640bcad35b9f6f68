import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { ChangeOrigin } from '../bus';
import { Services, type ServiceName } from '../services';

export const CHANGE_ORIGINS: readonly ChangeOrigin[] = ['console', 'api', 'cli', 'system'];

/** The header the console sends on every request so the trail can say "from the console". */
export const CLIENT_HEADER = 'x-inventory-client';

/**
 * What the trail's entries are about. A product's entries live in catalog (its fields, its
 * media) and in stock (reorder level, movements from the ledger); the gateway asks only the
 * services that can hold entries matching a filter (`auditSources`).
 */
export const AuditEntityTypes = {
  Product: 'product',
  Category: 'category',
  User: 'user',
  AlertRecipients: 'alert-recipients',
  Digest: 'digest',
} as const;
export type AuditEntityType = (typeof AuditEntityTypes)[keyof typeof AuditEntityTypes];

/** The actions recorded, `<entity>.<what happened>`; the first word says which service holds it. */
export const AuditActions = {
  ProductCreated: 'product.created',
  ProductUpdated: 'product.updated',
  ProductArchived: 'product.archived',
  ProductDeleted: 'product.deleted',
  ProductImported: 'product.imported',
  MediaAttached: 'product.media.attached',
  MediaDeleted: 'product.media.deleted',
  MediaPrimarySet: 'product.media.primary_set',
  CategoryCreated: 'category.created',
  CategoryUpdated: 'category.updated',
  CategoryDeleted: 'category.deleted',
  ReorderLevelSet: 'stock.reorder_level.set',
  MovementRecorded: 'stock.movement.recorded',
  AlertRecipientsChanged: 'alerts.recipients.changed',
  DigestRun: 'alerts.digest.run',
  UserCreated: 'user.created',
  UserRoleChanged: 'user.role_changed',
  UserDeactivated: 'user.deactivated',
  UserReactivated: 'user.reactivated',
  UserUpdated: 'user.updated',
  PasswordResetRequested: 'user.password_reset_requested',
  PasswordResetCompleted: 'user.password_reset_completed',
  PasswordChanged: 'user.password_changed',
  SignedIn: 'user.signed_in',
  SignedOut: 'user.signed_out',
} as const;
export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Who keeps entries of each kind: `gateway` for users and sessions. */
export type AuditSource = ServiceName | 'gateway';

const SOURCES_BY_ENTITY: Record<string, AuditSource[]> = {
  product: [Services.Catalog, Services.Stock],
  category: [Services.Catalog],
  user: ['gateway'],
  'alert-recipients': [Services.Notification],
  digest: [Services.Notification],
};
const SOURCES_BY_ACTION_PREFIX: [string, AuditSource][] = [
  ['product.', Services.Catalog],
  ['category.', Services.Catalog],
  ['stock.', Services.Stock],
  ['alerts.', Services.Notification],
  ['user.', 'gateway'],
];
export const ALL_AUDIT_SOURCES: AuditSource[] = [
  'gateway',
  Services.Catalog,
  Services.Stock,
  Services.Notification,
];

/** The services that can hold entries matching the filter (an unknown type or action: none). */
export function auditSources(filter: { entityType?: string; action?: string }): AuditSource[] {
  let sources = ALL_AUDIT_SOURCES;
  if (filter.entityType) sources = SOURCES_BY_ENTITY[filter.entityType] ?? [];
  if (filter.action) {
    const action = filter.action;
    const owner = SOURCES_BY_ACTION_PREFIX.find(([prefix]) => action.startsWith(prefix))?.[1];
    sources = sources.filter((source) => source === owner);
  }
  return sources;
}

/** One field's change, as recorded: never a password, token or hash. */
export class AuditChangeDto {
  @ApiProperty({ example: 'name' })
  field!: string;

  @ApiProperty({ nullable: true, example: 'ESP32 board', description: 'Any JSON value.' })
  from!: unknown;

  @ApiProperty({ nullable: true, example: 'ESP32-S3 board', description: 'Any JSON value.' })
  to!: unknown;
}

export class AuditActorDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'admin@example.com' })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'admin' })
  role!: string | null;
}

/** One entry of the audit trail. */
export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: AuditActorDto })
  actor!: AuditActorDto;

  @ApiProperty({ example: 'product.updated' })
  action!: string;

  @ApiProperty({ example: 'product' })
  entityType!: string;

  @ApiProperty({ example: '5f1c…' })
  entityId!: string;

  @ApiProperty({ example: 'Renamed ESP32 board to ESP32-S3 board' })
  summary!: string;

  @ApiProperty({ type: [AuditChangeDto] })
  changes!: AuditChangeDto[];

  @ApiProperty({ description: 'The request id: joins the logs of every service it touched.' })
  correlationId!: string;

  @ApiProperty({ enum: CHANGE_ORIGINS })
  origin!: ChangeOrigin;

  @ApiProperty({ enum: ALL_AUDIT_SOURCES, description: 'The service that keeps the entry.' })
  service!: AuditSource;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For `stock.movement.recorded`: the movement in the ledger.',
  })
  movementId?: string;
}

/** The filter every service's `<service>.audit.list` takes, and `GET /audit` too. */
export class AuditFilterDto {
  @ApiPropertyOptional({ example: 'product' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({
    example: 'product.updated',
    description: 'An action, or a prefix of one ending in "." (`product.`).',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]+)*\.?$/, { message: 'action must look like "product.updated"' })
  @MaxLength(60)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this time.' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

/** The deepest page the gateway serves: it asks each service for page × pageSize entries. */
export const AUDIT_MAX_DEPTH = 10_000;

/** `<service>.audit.list`: the newest `limit` entries matching the filter, newest first. */
export class ListAuditRequestDto extends AuditFilterDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_DEPTH)
  limit!: number;
}

/**
 * A page of the trail, newest first. No total: counting a million entries for every page
 * costs more than the page; `hasMore` says whether a next page exists.
 */
export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  pageSize!: number;

  @ApiProperty()
  hasMore!: boolean;
}
