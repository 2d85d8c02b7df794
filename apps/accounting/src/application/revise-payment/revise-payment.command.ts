import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Accounting's answer to an order's revision: the hold becomes the new total if the increase fits, or the revision is declined. */
export class RevisePayment extends Command<void> {
  constructor(
    readonly revision: { readonly orderId: string; readonly consumerId: string; readonly revision: number; readonly amountCents: number },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
