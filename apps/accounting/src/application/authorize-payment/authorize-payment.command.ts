import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Accounting's verdict on a new order: its total is held on the consumer's account, or declined. */
export class AuthorizePayment extends Command<void> {
  constructor(
    readonly payment: { readonly consumerId: string; readonly orderId: string; readonly amountCents: number },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
