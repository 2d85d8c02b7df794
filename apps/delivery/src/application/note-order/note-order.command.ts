import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { OrderToDeliver } from '../../domain/delivery.events';

/** An order was placed: its delivery address is remembered until the order is approved (or rejected). */
export class NoteOrder extends Command<void> {
  constructor(
    readonly order: OrderToDeliver,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
