import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order was revised as proposed: the ticket's pending revision is final (it can be accepted and prepared again). */
export class FinalizeRevision extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly revision: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
