import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { DeliveryView } from '../get-delivery/delivery.view';

/** The food reached the door: the courier is free for the next delivery. */
export class MarkDelivered extends Command<DeliveryView> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
