import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { CourierView } from '../get-courier/courier.view';

/** The courier goes on shift (`available`) or off it. */
export class SetCourierAvailability extends Command<CourierView> {
  constructor(
    readonly courierId: string,
    readonly available: boolean,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
