import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Compensation: the order's revision was rejected; if accounting had revised the hold for it, the hold goes back. */
export class UndoPaymentRevision extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly revision: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
