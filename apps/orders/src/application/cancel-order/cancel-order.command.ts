import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Asks to cancel an approved order: CANCEL_PENDING, and its CancelOrder saga waits for the kitchen. */
export class CancelOrder extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
