import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order was rejected: its ticket is cancelled (or, when it does not exist yet, will be on arrival). */
export class CancelTicket extends Command<void> {
  constructor(
    readonly order: { readonly orderId: string; readonly restaurantId: string; readonly reason: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
