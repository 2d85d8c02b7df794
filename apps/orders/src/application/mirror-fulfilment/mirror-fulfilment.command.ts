import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { FulfilmentStep } from '../../domain/order.commands';
import type { AnswerAbout } from '../../domain/order-terms';

/** The kitchen or delivery moved the order on (preparing, ready, picked up, delivered): the order follows. `about`: what the message names about the order. */
export class MirrorFulfilment extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly step: FulfilmentStep,
    readonly about: AnswerAbout,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
