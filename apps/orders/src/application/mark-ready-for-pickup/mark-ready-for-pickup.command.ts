import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The kitchen finished the order's ticket (kitchen.ticket.ready-for-pickup.v1): the order follows. */
export class MarkReadyForPickup extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
