import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { RequestedLine } from '../../domain/order.types';

/** Proposes new lines for an approved order: REVISION_PENDING, and its ReviseOrder saga asks the kitchen and accounting. */
export class ReviseOrder extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly lineItems: RequestedLine[],
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
