import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { DeliveryAddress, RequestedLine } from '../../domain/order.types';

export interface NewOrder {
  /** Chosen by the caller (the HTTP layer generates it), so the domain stays deterministic. */
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lineItems: RequestedLine[];
  readonly deliveryAddress: DeliveryAddress;
  readonly deliveryTime?: string;
}

/** Places an order against the restaurant replica and starts its CreateOrder saga. */
export class CreateOrder extends Command<{ orderId: string }> {
  constructor(
    readonly order: NewOrder,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
