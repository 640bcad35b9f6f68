import { IsSingleLine } from '../text';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import {
  MAX_MOVEMENT_QUANTITY,
  MAX_ON_HAND,
  MOVEMENT_TYPES,
  MovementTypes,
  type MovementType,
} from './stock-movement';

/** Why a quantity is not acceptable for the movement type, or null when it is. */
function quantityProblem(value: unknown, type: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'quantity must be a number';
  if (!Number.isInteger(value)) return 'quantity must be a whole number';
  switch (type) {
    case MovementTypes.Receive:
    case MovementTypes.Issue:
      if (value < 1) return `quantity must be at least 1 for ${type}`;
      if (value > MAX_MOVEMENT_QUANTITY)
        return `quantity must be at most ${MAX_MOVEMENT_QUANTITY} for one ${type}`;
      return null;
    case MovementTypes.Adjust:
      if (value === 0) return 'quantity must not be 0 for adjust (positive adds, negative removes)';
      if (Math.abs(value) > MAX_MOVEMENT_QUANTITY)
        return `quantity must be between -${MAX_MOVEMENT_QUANTITY} and ${MAX_MOVEMENT_QUANTITY} for adjust`;
      return null;
    case MovementTypes.Stocktake:
      if (value < 0) return 'quantity (the counted quantity) must be 0 or more for stocktake';
      if (value > MAX_ON_HAND) return `quantity must be at most ${MAX_ON_HAND} for stocktake`;
      return null;
    default:
      // The type itself is reported as invalid; nothing more to say about the quantity.
      return null;
  }
}

/** A quantity that fits the movement's `type` (see `quantityProblem`). */
const IsMovementQuantity = () =>
  ValidateBy({
    name: 'isMovementQuantity',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        quantityProblem(value, (args?.object as RecordMovementDto).type) === null,
      defaultMessage: (args?: ValidationArguments) =>
        quantityProblem(args?.value, (args?.object as RecordMovementDto).type) ??
        'quantity is invalid',
    },
  });

/** Text that says something: not empty, not only spaces. */
const NOT_BLANK = /\S/;

/** `POST /api/v1/stock/movements`: one movement of one product. */
export class RecordMovementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'productId must be a UUID' })
  productId!: string;

  @ApiProperty({ enum: MOVEMENT_TYPES, example: MovementTypes.Issue })
  @IsIn(MOVEMENT_TYPES, { message: `type must be one of ${MOVEMENT_TYPES.join(', ')}` })
  type!: MovementType;

  @ApiProperty({
    example: 5,
    description:
      `receive and issue: how many, 1 to ${MAX_MOVEMENT_QUANTITY}; adjust: the signed ` +
      `correction, not 0; stocktake: the counted quantity, 0 to ${MAX_ON_HAND}.`,
  })
  @IsMovementQuantity()
  quantity!: number;

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Damaged in storage',
    description: 'Required for adjust.',
  })
  @ValidateIf((dto: RecordMovementDto) => dto.type === MovementTypes.Adjust || dto.reason != null)
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required for adjust' })
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'PO-4711',
    description: 'Purchase order, work order, invoice …',
  })
  @IsOptional()
  @IsString({ message: 'reference must be text' })
  @MaxLength(200, { message: 'reference must be at most 200 characters' })
  @IsSingleLine()
  reference?: string;
}

/** Idempotency keys: what clients send in the `Idempotency-Key` header (a UUID is typical). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

export const IDEMPOTENCY_KEY_RULE =
  'Idempotency-Key must be 1 to 200 visible ASCII characters (a UUID is a good choice)';

/** `stock.movements.record` on the bus: the movement plus the client's idempotency key. */
export class RecordMovementRequest extends RecordMovementDto {
  @IsOptional()
  @IsString({ message: IDEMPOTENCY_KEY_RULE })
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: IDEMPOTENCY_KEY_RULE })
  idempotencyKey?: string;
}
