import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { DeliveryView } from '../get-delivery/delivery.view';

/** The courier took the food from the restaurant. */
export class MarkPickedUp extends Command<DeliveryView> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
