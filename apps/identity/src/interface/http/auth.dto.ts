import { NestedObject } from '@brigade/service';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy, ValidateIf, ValidationArguments } from 'class-validator';
import { EMAIL_PATTERN, UserLimits as Limits } from '../../domain/user.rules';

// Request bodies: bad input is refused here, field by field, before it reaches the domain (which
// checks its rules again). The validation pipe also refuses fields not declared here, and never
// echoes a value: a password is never part of an answer.
const NOT_BLANK = /\S/;
const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const lowerCased = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value));

/** Roles an admin gives through POST /auth/users; consumers sign up themselves. */
export const STAFF_ROLES = ['restaurant', 'courier', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

function Email(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'ada@example.com', format: 'email', maxLength: Limits.maxEmailLength, description: 'Compared trimmed and lower-case.' }),
    trimmed,
    IsString(),
    MaxLength(Limits.maxEmailLength),
    Matches(EMAIL_PATTERN, { message: 'email must be an address like name@example.com' }),
  );
}

function NewPassword(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'password', minLength: Limits.minPasswordLength, maxLength: Limits.maxPasswordLength }),
    IsString(),
    MinLength(Limits.minPasswordLength, { message: `password must be at least ${Limits.minPasswordLength} characters` }),
    MaxLength(Limits.maxPasswordLength, { message: `password must be at most ${Limits.maxPasswordLength} characters` }),
  );
}

/** The id a role binds the user to: required for that role, refused for every other. */
function BindingFor(role: StaffRole): PropertyDecorator {
  const property = `${role}Id`;
  return applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description: `Required when role is ${role}; refused otherwise.` }),
    lowerCased,
    ValidateIf((request: CreateUserRequest) => request.role === role || (request as unknown as Record<string, unknown>)[property] !== undefined),
    IsUUID('all', { message: `${property} must be a UUID (required for a ${role} user)` }),
    ValidateBy({
      name: 'onlyForRole',
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) => (args?.object as CreateUserRequest).role === role,
        defaultMessage: () => `${property} must not be given for a user whose role is not ${role}`,
      },
    }),
  );
}

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

export class SignUpRequest {
  @Email()
  email: string;

  @NewPassword()
  password: string;

  @ApiProperty({ type: PersonNameDto, description: 'The consumer’s name.' })
  @NestedObject(() => PersonNameDto)
  name: PersonNameDto;
}

export class SignedUpResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ format: 'uuid', description: 'The consumer this user acts for; the consumers context registers it from identity.user.registered.v1.' })
  consumerId: string;
}

export class TokenRequest {
  @ApiProperty({ example: 'ada@example.com', maxLength: Limits.maxEmailLength })
  @IsString()
  @MaxLength(Limits.maxEmailLength)
  email: string;

  @ApiProperty({ format: 'password', maxLength: Limits.maxPasswordLength })
  @IsString()
  @MaxLength(Limits.maxPasswordLength)
  password: string;
}

export class TokenResponse {
  @ApiProperty({ description: 'A JWT (RS256): send it as `Authorization: Bearer <token>`.' })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type: 'Bearer';

  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires.' })
  expires_in: number;
}

export class CreateUserRequest {
  @Email()
  email: string;

  @NewPassword()
  password: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'restaurant staff, a courier or an admin (consumers sign up at POST /auth/signup).' })
  @IsIn(STAFF_ROLES as unknown as string[], { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role: StaffRole;

  @BindingFor('restaurant')
  restaurantId?: string;

  @BindingFor('courier')
  courierId?: string;
}

export class UserCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  userId: string;
}
