import type { Actor } from '@brigade/event-store';
import { Query } from '@nestjs/cqrs';
import type { DeliveryView } from './delivery.view';

/** An order's delivery, as `actor` (the verified caller) may see it: a courier only their own. */
export class GetDelivery extends Query<DeliveryView> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
