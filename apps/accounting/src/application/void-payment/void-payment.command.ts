import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Compensation: the order was rejected or cancelled, so its authorisation (if any) is released, once. */
export class VoidPayment extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
