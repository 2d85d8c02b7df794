import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { AnswerAbout } from '../../domain/order-terms';

/** The kitchen's answer to orders.order.cancel-requested.v1: ticket cancelled, or a refusal with its reason; `about`: what its message names about the order. */
export class RecordCancelAnswer extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly answer: { readonly cancelled: true } | { readonly cancelled: false; readonly reason: string },
    readonly about: AnswerAbout,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
