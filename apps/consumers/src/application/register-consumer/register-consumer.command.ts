import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { PersonName } from '../../domain/consumer.events';

export interface NewConsumer {
  /** Chosen by the caller (the HTTP layer generates it), so the domain stays deterministic. */
  readonly consumerId: string;
  readonly name: PersonName;
  readonly email: string;
}

export class RegisterConsumer extends Command<{ consumerId: string }> {
  constructor(
    readonly consumer: NewConsumer,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
