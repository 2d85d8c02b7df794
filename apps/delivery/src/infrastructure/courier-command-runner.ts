import { CommandOutcome, CommandRunner, EventMetadata, EventStore, RunOptions, runInTransaction } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { CourierCommand } from '../domain/courier.commands';
import { courierDecider } from '../domain/courier.decider';
import type { CourierEvent } from '../domain/courier.events';
import { CourierState, isFree } from '../domain/courier.state';
import { AssignmentBoardProjection } from '../projections/assignment-board/assignment-board';

/** Stream type stored with every courier event; a courier's stream id is their courierId. */
export const COURIER_STREAM_TYPE = 'courier';

/**
 * Load -> decide -> append for the Courier aggregate, retried on concurrent changes, with the
 * courier's place on the assignment board (free or not) written in the same transaction.
 * A courier's stream grows with every delivery: a snapshot every 50 events keeps loading cheap.
 */
@Injectable()
export class CourierCommandRunner extends CommandRunner<CourierCommand, CourierEvent, CourierState> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly board: AssignmentBoardProjection,
  ) {
    super(eventStore, courierDecider, { streamType: COURIER_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 1 }, rememberStates: true });
  }

  override run(courierId: string, command: CourierCommand, metadata: EventMetadata, options: RunOptions = {}): Promise<CommandOutcome<CourierEvent, CourierState>> {
    return runInTransaction(this.eventStore.dataSource, async () => {
      const outcome = await super.run(courierId, command, metadata, options);
      // A new courier starts off shift: nothing to write until their first shift.
      if (outcome.events.some((event) => event.type !== 'CourierRegistered')) await this.board.courierFree(courierId, isFree(outcome.state));
      return outcome;
    });
  }
}
