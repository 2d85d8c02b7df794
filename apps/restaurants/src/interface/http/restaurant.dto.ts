import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCents, NestedArray, NestedObject } from '@brigade/service';
import { applyDecorators } from '@nestjs/common';
import { ArrayUnique, IsOptional, IsString, IsUUID, Matches, Max, MaxLength } from 'class-validator';
import { RestaurantLimits as Limits } from '../../domain/restaurant.rules';

// Request bodies: bad input is refused here, field by field, before it reaches the domain
// (which checks its rules again). The validation pipe also refuses fields not declared here.
const NOT_BLANK = /\S/;

export class AddressDto {
  @ApiProperty({ example: '1 Main Street', maxLength: Limits.maxAddressLineLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'street1 must not be blank' })
  @MaxLength(Limits.maxAddressLineLength)
  street1: string;

  @ApiPropertyOptional({ example: 'Unit 2', maxLength: Limits.maxAddressLineLength, description: 'Omit when there is none.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'street2 must not be blank (omit it instead)' })
  @MaxLength(Limits.maxAddressLineLength)
  street2?: string;

  @ApiProperty({ example: 'Oakland', maxLength: Limits.maxAddressLineLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'city must not be blank' })
  @MaxLength(Limits.maxAddressLineLength)
  city: string;

  @ApiProperty({ example: '94611', maxLength: Limits.maxZipLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'zip must not be blank' })
  @MaxLength(Limits.maxZipLength)
  zip: string;
}

export class MenuItemDto {
  @ApiProperty({ format: 'uuid', example: 'c7a1d0a4-2f55-4d4e-8f1e-6a2b9c3d4e01', description: 'Chosen by the restaurant; unique within the menu.' })
  @IsUUID()
  menuItemId: string;

  @ApiProperty({ example: 'Chicken Vindaloo', maxLength: Limits.maxNameLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(Limits.maxNameLength)
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: Limits.maxPriceCents, example: 1299, description: 'Whole cents.' })
  @IsCents()
  @Max(Limits.maxPriceCents)
  priceCents: number;
}

/** A whole menu: 1..500 items with unique menuItemIds. */
function Menu(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: [MenuItemDto], minItems: 1, maxItems: Limits.maxMenuItems, description: 'The whole menu; menuItemIds are unique.' }),
    NestedArray(() => MenuItemDto, { min: 1, max: Limits.maxMenuItems }),
    ArrayUnique((item: MenuItemDto | null) => item?.menuItemId, { message: 'menu must not list the same menuItemId twice' }),
  );
}

export class CreateRestaurantRequest {
  @ApiProperty({ example: 'Ajanta', maxLength: Limits.maxNameLength })
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @MaxLength(Limits.maxNameLength)
  name: string;

  @ApiProperty({ type: AddressDto })
  @NestedObject(() => AddressDto)
  address: AddressDto;

  @Menu()
  menu: MenuItemDto[];
}

export class ReviseMenuRequest {
  @Menu()
  menu: MenuItemDto[];
}

export class RestaurantCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  restaurantId: string;
}

export class RestaurantResponse {
  @ApiProperty({ format: 'uuid' })
  restaurantId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: AddressDto })
  address: AddressDto;

  @ApiProperty({ type: [MenuItemDto] })
  menu: MenuItemDto[];

  @ApiProperty({ description: 'Taking orders. New restaurants start closed.' })
  open: boolean;

  @ApiProperty({ type: 'integer', description: 'Version of the restaurant (its event stream); grows with every change.' })
  version: number;
}
