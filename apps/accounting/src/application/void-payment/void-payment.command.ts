import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Compensation: the order was rejected, so its authorisation (if any) is released. */
export class VoidPayment extends Command<void> {
  constructor(
    readonly payment: { readonly consumerId: string; readonly orderId: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
