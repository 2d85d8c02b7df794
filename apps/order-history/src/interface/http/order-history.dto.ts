import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { hasSearchableWord } from '../../application/full-text/prefix-query';
import { decodeCursor } from '../../application/list-consumer-orders/order-cursor';
import {
  CHANGE_OUTCOMES,
  CHANGE_TYPES,
  DELIVERY_STATES,
  ORDER_STATES,
  OrderState,
  PAYMENT_STATES,
  TICKET_STATES,
} from '../../projections/order-view/order-history.view';

// Queries are refused here, field by field, before anything is read. Query values arrive as
// strings (no implicit conversion), so `limit` is checked as digits and converted by the controller.

/** 1..100, written as plain digits. */
const LIMIT = /^(100|[1-9][0-9]?)$/;
export const DEFAULT_PAGE_SIZE = 20;

/** Free text searched by prefix over names; at least one letter or digit. */
function SearchText(): PropertyDecorator {
  return (target, key) => {
    IsString({ message: `${String(key)} must be a single string` })(target, key);
    MaxLength(100, { message: `${String(key)} must be at most 100 characters` })(target, key);
    ValidateBy({ name: 'searchText', validator: { validate: (value) => typeof value === 'string' && hasSearchableWord(value), defaultMessage: () => `${String(key)} must contain a letter or a digit` } })(
      target,
      key,
    );
  };
}

export class ConsumerOrdersQuery {
  @ApiPropertyOptional({ enum: ORDER_STATES, description: 'Only orders in this state (the `state` the order view shows).' })
  @IsOptional()
  @IsIn(ORDER_STATES as unknown as string[], { message: `status must be one of ${ORDER_STATES.join(', ')}` })
  status?: OrderState;

  @ApiPropertyOptional({ description: 'Keywords matched by prefix against the restaurant name and the item names (all must match).', example: 'piz' })
  @IsOptional()
  @SearchText()
  q?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque).' })
  @IsOptional()
  @ValidateBy({ name: 'orderCursor', validator: { validate: (value) => typeof value === 'string' && decodeCursor(value) !== null, defaultMessage: () => 'cursor must be a nextCursor this service returned' } })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE, description: 'Orders per page.' })
  @IsOptional()
  @Matches(LIMIT, { message: 'limit must be a whole number from 1 to 100' })
  limit?: string;
}

export class RestaurantSearchQuery {
  @ApiProperty({ description: 'Keywords matched by prefix against restaurant names and menu item names (all must match).', example: 'vind' })
  @SearchText()
  q: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE, description: 'Most results answered.' })
  @IsOptional()
  @Matches(LIMIT, { message: 'limit must be a whole number from 1 to 100' })
  limit?: string;
}

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' })
  menuItemId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', description: 'Unit price when the order was placed.' })
  priceCents: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 })
  quantity: number;
}

export class TicketProgressResponse {
  @ApiProperty({ enum: TICKET_STATES })
  state: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readyBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the ticket was rejected or cancelled.' })
  reason: string | null;
}

export class PaymentProgressResponse {
  @ApiProperty({ enum: PAYMENT_STATES })
  state: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Held now (after an approved revision, its total), or taken once CAPTURED.' })
  amountCents: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the payment was declined.' })
  reason: string | null;
}

export class DeliveryProgressResponse {
  @ApiProperty({ enum: DELIVERY_STATES })
  state: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null until a courier is assigned.' })
  courierId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The courier's name; null until the courier's registration has reached the order history." })
  courierName: string | null;
}

export class LastChangeResponse {
  @ApiProperty({ enum: CHANGE_TYPES })
  type: string;

  @ApiProperty({ enum: CHANGE_OUTCOMES })
  outcome: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was refused.' })
  reason: string | null;
}

export class TimelineEntryResponse {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ example: 'orders.order.created.v1' })
  subject: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class OrderHistoryResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  consumerId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null until the consumer registration has reached the order history.' })
  consumerName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  restaurantId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The current name; null until the restaurant has reached the order history.' })
  restaurantName: string | null;

  @ApiProperty({ type: [OrderLineResponse], description: 'As placed, or as the last approved revision has them.' })
  lineItems: OrderLineResponse[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'As placed, or as the last approved revision has it.' })
  orderTotalCents: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the order was placed.' })
  placedAt: string | null;

  @ApiProperty({
    enum: ORDER_STATES,
    nullable: true,
    description:
      "The order's lifecycle: the orders service's decision (REJECTED, CANCELLED, a change pending) first; otherwise how far fulfilment went (PREPARING, READY_FOR_PICKUP, PICKED_UP, DELIVERED), else APPROVED or APPROVAL_PENDING.",
  })
  state: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ type: LastChangeResponse, nullable: true, description: 'The last cancellation or revision asked for, and how it ended; null until one was.' })
  lastChange: LastChangeResponse | null;

  @ApiProperty({ type: TicketProgressResponse, nullable: true })
  ticket: TicketProgressResponse | null;

  @ApiProperty({ type: PaymentProgressResponse, nullable: true })
  payment: PaymentProgressResponse | null;

  @ApiProperty({ type: DeliveryProgressResponse, nullable: true, description: 'Null until the delivery is created (on approval).' })
  delivery: DeliveryProgressResponse | null;

  @ApiProperty({ type: [TimelineEntryResponse], description: 'Every event that touched the order, oldest first.' })
  timeline: TimelineEntryResponse[];
}

export class OrderSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  restaurantId: string | null;

  @ApiProperty({ type: String, nullable: true })
  restaurantName: string | null;

  @ApiProperty({ type: [OrderLineResponse] })
  lineItems: OrderLineResponse[];

  @ApiProperty({ type: 'integer', nullable: true })
  orderTotalCents: number | null;

  @ApiProperty({ format: 'date-time' })
  placedAt: string;

  @ApiProperty({ enum: ORDER_STATES, nullable: true })
  state: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ enum: TICKET_STATES, nullable: true })
  ticketState: string | null;

  @ApiProperty({ enum: PAYMENT_STATES, nullable: true })
  paymentState: string | null;

  @ApiProperty({ enum: DELIVERY_STATES, nullable: true })
  deliveryState: string | null;
}

export class OrderStatusResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ enum: ORDER_STATES, nullable: true, description: 'Null until the order itself has reached the order history.' })
  state: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;

  @ApiProperty({ enum: TICKET_STATES, nullable: true })
  ticketState: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Promised by the restaurant when it accepted the ticket.' })
  readyBy: string | null;

  @ApiProperty({ enum: PAYMENT_STATES, nullable: true })
  paymentState: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  orderTotalCents: number | null;

  @ApiProperty({ enum: DELIVERY_STATES, nullable: true })
  deliveryState: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The courier bringing it, once one is assigned.' })
  courierId: string | null;

  @ApiProperty({ type: 'integer', description: 'Counts the changes of this order in the order history: a larger one is newer.' })
  version: number;
}

export class OrderPageResponse {
  @ApiProperty({ type: [OrderSummaryResponse] })
  items: OrderSummaryResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor: string | null;
}

export class MenuItemResponse {
  @ApiProperty({ format: 'uuid' })
  menuItemId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer' })
  priceCents: number;
}

export class RestaurantHitResponse {
  @ApiProperty({ format: 'uuid' })
  restaurantId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  open: boolean;

  @ApiProperty({ description: 'ts_rank of the match; a name match ranks above a menu-item match.' })
  rank: number;

  @ApiProperty({ type: [MenuItemResponse], description: 'Menu items whose names match.' })
  matchingMenuItems: MenuItemResponse[];
}

export class RestaurantSearchResponse {
  @ApiProperty({ type: [RestaurantHitResponse], description: 'Best match first.' })
  items: RestaurantHitResponse[];
}
