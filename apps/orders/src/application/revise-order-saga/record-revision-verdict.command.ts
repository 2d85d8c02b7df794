import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { AnswerAbout } from '../../domain/order-terms';
import type { RevisionParticipant } from './revise-order-saga';

/** The kitchen's or accounting's answer to orders.order.revision-proposed.v1, naming the revision it answers; `about`: what its message names about the order. */
export class RecordRevisionVerdict extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly revision: number,
    readonly participant: RevisionParticipant,
    readonly verdict: { readonly approved: true } | { readonly approved: false; readonly reason: string },
    readonly about: AnswerAbout,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
