import { isDomainError } from '@brigade/domain';
import type { EventMetadata } from '@brigade/event-store';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assignmentDecider, AssignmentEvent, CourierMatched } from '../../domain/assignment.decider';
import { CourierCommandRunner } from '../../infrastructure/courier-command-runner';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { AssignmentBoardProjection } from '../../projections/assignment-board/assignment-board';
import { AssignCourier } from './assign-courier.command';
import { AssignmentBoardChangedError } from './assignment-board-changed.error';

/**
 * The assignment rule on the board, each match carried out as the two aggregates' commands in the
 * caller's transaction: the courier takes the delivery (appended at the courier's stream version:
 * of two deliveries racing for one courier, one append is refused and its transaction runs again)
 * and the delivery gets the courier. A decision that matches nothing leaves someone waiting, so it
 * is taken again on the board read under its lock (see AssignmentBoardProjection.readLocked).
 */
@CommandHandler(AssignCourier)
export class AssignCourierHandler implements ICommandHandler<AssignCourier> {
  constructor(
    private readonly board: AssignmentBoardProjection,
    private readonly couriers: CourierCommandRunner,
    private readonly deliveries: DeliveryCommandRunner,
  ) {}

  async execute({ need, metadata }: AssignCourier): Promise<void> {
    let matches = matchesIn(assignmentDecider.decide(need, await this.board.read()));
    if (matches.length === 0) matches = matchesIn(assignmentDecider.decide(need, await this.board.readLocked()));
    for (const match of matches) await this.carryOut(match, metadata);
  }

  private async carryOut({ data: { orderId, courierId } }: CourierMatched, metadata: EventMetadata): Promise<void> {
    try {
      await this.couriers.run(courierId, { type: 'AssignDelivery', data: { courierId, orderId } }, metadata);
      await this.deliveries.run(orderId, { type: 'AssignCourier', data: { orderId, courierId } }, metadata);
    } catch (error) {
      if (isDomainError(error)) throw new AssignmentBoardChangedError(orderId, courierId, error);
      throw error;
    }
  }
}

function matchesIn(events: AssignmentEvent[]): CourierMatched[] {
  return events.filter((event): event is CourierMatched => event.type === 'CourierMatched');
}

