import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { FulfilmentStep } from '../../domain/order.commands';

/** The kitchen or delivery moved the order on (preparing, ready, picked up, delivered): the order follows. */
export class MirrorFulfilment extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly step: FulfilmentStep,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
