import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { AssignmentCommand } from '../../domain/assignment.decider';

/**
 * A delivery needs a courier (FindCourier), or a courier is free (FindDelivery): match them by
 * the assignment rule. Runs inside the transaction of the change that caused it.
 */
export class AssignCourier extends Command<void> {
  constructor(
    readonly need: AssignmentCommand,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
