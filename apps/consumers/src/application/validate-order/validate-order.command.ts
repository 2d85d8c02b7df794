import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** What the consumer's verdict on one order was; `null` when it had already been given (nothing new decided). */
export type OrderVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: string } | null;

/** The consumers verdict on an order placed in `consumerId`'s name, asked once per orders.order.created.v1. */
export class ValidateOrder extends Command<OrderVerdict> {
  constructor(
    readonly consumerId: string,
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
