import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order's revision was rejected: if the ticket took its lines, it gets its earlier ones back. */
export class UndoRevision extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly revision: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
