import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * Every event on a queue is one of these. `id` is unique per event and is what consumers
 * record to process each event once; `correlationId` is the request that caused it.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string;
  causationId?: string;
  payload: T;
}

/** Validation of an envelope received from a queue, before its payload is looked at. */
export class EventEnvelopeDto<T = unknown> implements EventEnvelope<T> {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;

  @IsDateString()
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  source!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  correlationId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  causationId?: string;

  @IsObject()
  payload!: T;
}
