import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { ConsumerView } from '../get-consumer/consumer.view';

/** Suspends a consumer: its next orders fail validation. Answers with the consumer as it now is. */
export class SuspendConsumer extends Command<ConsumerView> {
  constructor(
    readonly consumerId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
