import type { Actor } from '@brigade/event-store';
import { Query } from '@nestjs/cqrs';
import type { OrderHistoryView } from '../../projections/order-view/order-history.view';

/** An order's history as `actor` may see it: their own, or any for an admin. */
export class GetOrderHistory extends Query<OrderHistoryView> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
