import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The courier is done with the order's delivery (delivered, or the order was cancelled): free for the next one. */
export class ReleaseCourier extends Command<void> {
  constructor(
    readonly courierId: string,
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
