import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** A courier joins, off shift. The id is chosen by the caller (the HTTP layer generates it), so the domain stays deterministic. */
export class RegisterCourier extends Command<{ courierId: string }> {
  constructor(
    readonly courier: { readonly courierId: string; readonly name: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
