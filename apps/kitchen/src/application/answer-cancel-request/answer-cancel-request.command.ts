import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order asks to cancel its ticket: the kitchen cancels it, or refuses with a reason (cooking started). */
export class AnswerCancelRequest extends Command<void> {
  constructor(
    readonly order: { readonly orderId: string; readonly restaurantId: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
