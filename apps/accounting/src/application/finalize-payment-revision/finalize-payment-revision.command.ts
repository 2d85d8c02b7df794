import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order's revision was approved: the revised hold is final, its rejection can no longer undo it. */
export class FinalizePaymentRevision extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly revision: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
