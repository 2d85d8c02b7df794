import { NestedArray, NestedObject } from '@brigade/service';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MAX_QUANTITY } from '../../domain/order.errors';
import { ORDER_STATES, OrderStatus } from '../../domain/order.state';

// Request bodies: malformed input is refused here, field by field (400), before it reaches the
// domain. Business rules (open restaurant, items on the menu, quantity 1..100) are the domain's:
// they answer 422 with their own codes. The validation pipe also refuses undeclared fields.
const NOT_BLANK = /\S/;
const MAX_LINE_ITEMS = 100;
const MAX_ADDRESS_LINE = 200;
const MAX_ZIP = 20;

export class DeliveryAddressDto {
  @ApiProperty({ example: '9 Elm Street', maxLength: MAX_ADDRESS_LINE })
  @IsString()
  @Matches(NOT_BLANK, { message: 'street1 must not be blank' })
  @MaxLength(MAX_ADDRESS_LINE)
  street1: string;

  @ApiPropertyOptional({ example: 'Apt 4', maxLength: MAX_ADDRESS_LINE, description: 'Omit when there is none.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'street2 must not be blank (omit it instead)' })
  @MaxLength(MAX_ADDRESS_LINE)
  street2?: string;

  @ApiProperty({ example: 'Oakland', maxLength: MAX_ADDRESS_LINE })
  @IsString()
  @Matches(NOT_BLANK, { message: 'city must not be blank' })
  @MaxLength(MAX_ADDRESS_LINE)
  city: string;

  @ApiProperty({ example: '94612', maxLength: MAX_ZIP })
  @IsString()
  @Matches(NOT_BLANK, { message: 'zip must not be blank' })
  @MaxLength(MAX_ZIP)
  zip: string;
}

export class LineItemDto {
  @ApiProperty({ format: 'uuid', example: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', description: 'An item of the restaurant’s menu.' })
  @IsUUID()
  menuItemId: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_QUANTITY, example: 2, description: `1..${MAX_QUANTITY} (else 422 ORDERS.ORDER.INVALID_QUANTITY).` })
  @IsInt()
  quantity: number;
}

export class ReviseOrderRequest {
  @ApiProperty({ type: [LineItemDto], minItems: 1, maxItems: MAX_LINE_ITEMS, description: 'The order’s new lines, replacing all of its lines.' })
  @NestedArray(() => LineItemDto, { min: 1, max: MAX_LINE_ITEMS })
  lineItems: LineItemDto[];
}

export class CreateOrderRequest {
  @ApiProperty({ format: 'uuid', description: 'Who orders: a consumer’s token must name this consumer (else 403 AUTH.FORBIDDEN).' })
  @IsUUID()
  consumerId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  restaurantId: string;

  @ApiProperty({ type: [LineItemDto], minItems: 1, maxItems: MAX_LINE_ITEMS })
  @NestedArray(() => LineItemDto, { min: 1, max: MAX_LINE_ITEMS })
  lineItems: LineItemDto[];

  @ApiProperty({ type: DeliveryAddressDto })
  @NestedObject(() => DeliveryAddressDto)
  deliveryAddress: DeliveryAddressDto;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-27T19:00:00.000Z', description: 'When the consumer wants it delivered.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  deliveryTime?: string;
}

export class OrderCreatedResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;
}

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' })
  menuItemId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', description: 'Unit price in cents, as the menu had it when the order was placed.' })
  priceCents: number;

  @ApiProperty({ type: 'integer' })
  quantity: number;
}

/** Every state the view can show: the compiler refuses this list once it misses one. */
export class LastChangeResponse {
  @ApiProperty({ enum: ['CANCEL', 'REVISE'] })
  type: 'CANCEL' | 'REVISE';

  @ApiProperty({ enum: ['PENDING', 'DONE', 'REFUSED'] })
  outcome: 'PENDING' | 'DONE' | 'REFUSED';

  @ApiPropertyOptional({ description: 'Why the change was refused (REFUSED only).' })
  reason?: string;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ enum: ORDER_STATES })
  state: OrderStatus;

  @ApiProperty({ format: 'uuid' })
  consumerId: string;

  @ApiProperty({ format: 'uuid' })
  restaurantId: string;

  @ApiProperty({ type: [OrderLineResponse] })
  lineItems: OrderLineResponse[];

  @ApiProperty({ type: 'integer' })
  orderTotalCents: number;

  @ApiPropertyOptional({ description: 'Why the order was rejected (REJECTED only).' })
  rejectionReason?: string;

  @ApiPropertyOptional({ type: LastChangeResponse, description: 'The last cancel or revise asked of the order and its outcome; absent until one was asked.' })
  lastChange?: LastChangeResponse;

  @ApiProperty({ type: 'integer', description: 'Version of the order (its event stream).' })
  version: number;
}
