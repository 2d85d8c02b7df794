import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { AnswerAbout } from '../../domain/order-terms';
import type { Participant } from './create-order-saga';

/** A participant's answer to orders.order.created.v1, for the order's CreateOrder saga; `about`: what its message names about the order. */
export class RecordVerdict extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly participant: Participant,
    readonly verdict: { readonly approved: true } | { readonly approved: false; readonly reason: string },
    readonly about: AnswerAbout,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
