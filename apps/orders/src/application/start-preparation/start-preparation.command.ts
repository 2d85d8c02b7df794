import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The kitchen started preparing the order's ticket (kitchen.ticket.preparing.v1): the order follows. */
export class StartPreparation extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
