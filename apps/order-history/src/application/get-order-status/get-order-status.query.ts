import type { Actor } from '@brigade/event-store';
import { Query } from '@nestjs/cqrs';
import type { OrderStatus, StatusSource } from '../../projections/order-status/order-status';

export interface ServedOrderStatus {
  readonly status: OrderStatus;
  readonly servedFrom: StatusSource;
}

/** Where an order stands, as `actor` may see it: their own order, or any for an admin. */
export class GetOrderStatus extends Query<ServedOrderStatus> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
