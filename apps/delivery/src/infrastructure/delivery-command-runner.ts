import { CommandOutcome, CommandRunner, EventMetadata, EventStore, RunOptions, runInTransaction } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { DeliveryCommand } from '../domain/delivery.commands';
import { deliveryDecider } from '../domain/delivery.decider';
import type { DeliveryEvent } from '../domain/delivery.events';
import { awaitsCourier, DeliveryState } from '../domain/delivery.state';
import { AssignmentBoardProjection } from '../projections/assignment-board/assignment-board';

/** Stream type stored with every delivery event; a delivery's stream id is its orderId (one delivery per order). */
export const DELIVERY_STREAM_TYPE = 'delivery';

/** The only ways out of the waiting line: a courier, or the order's cancellation. */
const LEAVES_THE_LINE: ReadonlySet<DeliveryEvent['type']> = new Set(['DeliveryCourierAssigned', 'DeliveryCancelled']);

/**
 * Load -> decide -> append for the Delivery aggregate, retried on concurrent changes, with the
 * delivery's place in the waiting line written in the same transaction. Streams stay short
 * (a handful of events per order): no snapshots.
 */
@Injectable()
export class DeliveryCommandRunner extends CommandRunner<DeliveryCommand, DeliveryEvent, DeliveryState> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly board: AssignmentBoardProjection,
  ) {
    super(eventStore, deliveryDecider, { streamType: DELIVERY_STREAM_TYPE, rememberStates: true });
  }

  override run(orderId: string, command: DeliveryCommand, metadata: EventMetadata, options: RunOptions = {}): Promise<CommandOutcome<DeliveryEvent, DeliveryState>> {
    return runInTransaction(this.eventStore.dataSource, async () => {
      const outcome = await super.run(orderId, command, metadata, options);
      if (outcome.events.length === 0) return outcome;
      if (awaitsCourier(outcome.state)) await this.board.deliveryWaiting(orderId, true);
      else if (outcome.events.some((event) => LEAVES_THE_LINE.has(event.type))) await this.board.deliveryWaiting(orderId, false);
      return outcome;
    });
  }
}
