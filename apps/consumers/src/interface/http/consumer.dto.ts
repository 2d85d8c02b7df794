import { NestedObject } from '@brigade/service';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ConsumerLimits as Limits, EMAIL_PATTERN } from '../../domain/consumer.rules';

// Request bodies: bad input is refused here, field by field, before it reaches the domain
// (which checks its rules again). The validation pipe also refuses fields not declared here.
const NOT_BLANK = /\S/;

export class PersonNameDto {
  @ApiProperty({ example: 'Ada', maxLength: Limits.maxNameLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'firstName must not be blank' })
  @MaxLength(Limits.maxNameLength)
  firstName: string;

  @ApiProperty({ example: 'Lovelace', maxLength: Limits.maxNameLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'lastName must not be blank' })
  @MaxLength(Limits.maxNameLength)
  lastName: string;
}

export class RegisterConsumerRequest {
  @ApiProperty({ type: PersonNameDto })
  @NestedObject(() => PersonNameDto)
  name: PersonNameDto;

  @ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: Limits.maxEmailLength })
  @IsString()
  @MaxLength(Limits.maxEmailLength)
  @Matches(EMAIL_PATTERN, { message: 'email must be an address like name@example.com' })
  email: string;
}

export class ConsumerRegisteredResponse {
  @ApiProperty({ format: 'uuid' })
  consumerId: string;
}

export class ConsumerResponse {
  @ApiProperty({ format: 'uuid' })
  consumerId: string;

  @ApiProperty({ type: PersonNameDto })
  name: PersonNameDto;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty({ enum: ['ACTIVE', 'SUSPENDED'], description: 'Only an ACTIVE consumer may place orders.' })
  status: 'ACTIVE' | 'SUSPENDED';

  @ApiProperty({ type: 'integer', description: 'Version of the consumer (its event stream); grows with every change and order verdict.' })
  version: number;
}
