import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The courier took the food (delivery.delivery.picked-up.v1): the ticket is done. */
export class MarkPickedUp extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
