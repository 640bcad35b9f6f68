import { ApiProperty } from '@nestjs/swagger';
import { PageMetaDto, StockMovementDto } from '@inventory/contracts';

/** A ledger row with who recorded it by name (the gateway owns the users) and what it moved. */
export class MovementWithActorDto extends StockMovementDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ada Lovelace',
    description: 'Display name of who recorded it; null for the system or a deleted user',
  })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MCU-ESP-32' })
  productSku!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ESP32 DevKitC V4' })
  productName!: string | null;
}

export class MovementWithActorPageDto extends PageMetaDto {
  @ApiProperty({ type: [MovementWithActorDto] })
  items!: MovementWithActorDto[];
}
