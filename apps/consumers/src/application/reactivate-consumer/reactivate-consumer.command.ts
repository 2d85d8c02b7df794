import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { ConsumerView } from '../get-consumer/consumer.view';

/** Lets a suspended consumer order again; answers with the consumer as it now is. */
export class ReactivateConsumer extends Command<ConsumerView> {
  constructor(
    readonly consumerId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
