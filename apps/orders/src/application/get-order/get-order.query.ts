import type { Actor } from '@brigade/event-store';
import { Query } from '@nestjs/cqrs';
import type { OrderView } from './order.view';

/** An order as `actor` may see it: their own, or any for an admin. */
export class GetOrder extends Query<OrderView> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
