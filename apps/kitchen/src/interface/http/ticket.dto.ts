import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import { decodeTicketCursor } from '../../application/list-restaurant-tickets/ticket-cursor';
import { TICKET_STATES, TicketLifecycleState } from '../../domain/ticket.state';

// Request bodies and queries: bad input is refused here, field by field, before it reaches the domain.
// Query values arrive as strings (no implicit conversion), so `limit` is checked as digits and converted by the controller.
/** A full ISO-8601 date-time with seconds and an offset (Z or ±hh:mm), as the contracts carry it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export class AcceptTicketRequest {
  @ApiProperty({ format: 'date-time', example: '2026-11-27T12:30:00.000Z', description: 'When the food will be ready; must be in the future.' })
  @Matches(ISO_DATE_TIME, { message: 'readyBy must be an ISO 8601 date-time with an offset, e.g. 2026-11-27T12:30:00Z' })
  readyBy: string;
}

/** 1..100, written as plain digits. */
const LIMIT = /^(100|[1-9][0-9]?)$/;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export class TicketsQuery {
  @ApiPropertyOptional({ enum: TICKET_STATES, description: 'Only tickets in this state.' })
  @IsOptional()
  @IsIn(TICKET_STATES as TicketLifecycleState[], { message: `state must be one of ${TICKET_STATES.join(', ')}` })
  state?: TicketLifecycleState;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque); the first page without it.' })
  @IsOptional()
  @ValidateBy({
    name: 'ticketCursor',
    validator: { validate: (value) => typeof value === 'string' && decodeTicketCursor(value) !== null, defaultMessage: () => 'cursor must be a nextCursor this service returned' },
  })
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Tickets per page.' })
  @IsOptional()
  @Matches(LIMIT, { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  limit?: string;
}

export class TicketLineItemResponse {
  @ApiProperty({ format: 'uuid' })
  menuItemId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100 })
  quantity: number;
}

export class TicketResponse {
  @ApiProperty({ format: 'uuid', description: 'The order; a ticket has the id of its order.' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  restaurantId: string;

  @ApiProperty({ enum: TICKET_STATES })
  state: string;

  @ApiProperty({ type: [TicketLineItemResponse] })
  lineItems: TicketLineItemResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Promised on acceptance.' })
  readyBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the ticket was rejected or cancelled.' })
  reason: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The order's revision whose lines the ticket shows while the order has not decided it; accept and preparing wait for it (409).",
  })
  pendingRevision: number | null;

  @ApiProperty({ type: 'integer', description: 'Version of the ticket (its event stream).' })
  version: number;
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketResponse], description: 'Oldest first (then by order id): the order a kitchen works in.' })
  items: TicketResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor: string | null;
}
