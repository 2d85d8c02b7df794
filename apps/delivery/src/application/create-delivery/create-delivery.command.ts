import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order was approved: it will be delivered (PENDING), from its restaurant to its delivery address. */
export class CreateDelivery extends Command<void> {
  constructor(
    readonly order: { readonly orderId: string; readonly restaurantId: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
