import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** Opens the account of a newly registered consumer, with the configured default credit limit. */
export class OpenAccount extends Command<void> {
  constructor(
    readonly consumerId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
