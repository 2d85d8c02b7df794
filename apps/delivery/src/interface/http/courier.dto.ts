import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength } from 'class-validator';

// Request bodies: bad input is refused here, field by field, before it reaches the domain.
// The validation pipe also refuses fields not declared here.
const NOT_BLANK = /\S/;
const MAX_NAME_LENGTH = 200;

export class RegisterCourierRequest {
  @ApiProperty({ example: 'Grace Hopper', maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(MAX_NAME_LENGTH)
  name: string;
}

export class SetAvailabilityRequest {
  @ApiProperty({ description: 'true: on shift, may be given a delivery; false: off shift (a delivery in hand is still finished).' })
  @IsBoolean({ message: 'available must be a boolean (true or false)' })
  available: boolean;
}

export class CourierRegisteredResponse {
  @ApiProperty({ format: 'uuid' })
  courierId: string;
}

export class CourierResponse {
  @ApiProperty({ format: 'uuid' })
  courierId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'On shift.' })
  available: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The order whose delivery the courier carries; null when none.' })
  deliveryOrderId: string | null;

  @ApiProperty({ type: 'integer', description: 'Version of the courier (their event stream).' })
  version: number;
}
