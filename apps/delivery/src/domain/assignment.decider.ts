import { assertNever, Decider, DomainEvent } from '@brigade/domain';

/**
 * Who is free and who waits, each oldest first: couriers on shift carrying nothing, and
 * deliveries whose ticket was accepted that have no courier yet.
 */
export interface AssignmentBoard {
  readonly freeCouriers: readonly string[];
  readonly waitingDeliveries: readonly string[];
}

/** A delivery now needs a courier (its ticket was accepted), or a courier is now free (on shift, or done with a delivery). */
export type FindCourier = { readonly type: 'FindCourier'; readonly data: { readonly orderId: string } };
export type FindDelivery = { readonly type: 'FindDelivery'; readonly data: { readonly courierId: string } };
export type AssignmentCommand = FindCourier | FindDelivery;

export type CourierMatched = DomainEvent<'CourierMatched', { readonly orderId: string; readonly courierId: string }>;
/** No courier is free: the delivery waits, behind those that waited before it. */
export type DeliveryQueued = DomainEvent<'DeliveryQueued', { readonly orderId: string }>;
/** No delivery waits: the courier stays free, behind those free before them. */
export type CourierQueued = DomainEvent<'CourierQueued', { readonly courierId: string }>;
export type AssignmentEvent = CourierMatched | DeliveryQueued | CourierQueued;

/**
 * The assignment rule: the delivery that has waited longest gets the courier who has been free
 * longest, one delivery per courier; whoever finds no match waits in line. Pure: the caller reads
 * the board (delivery's free-courier and waiting-delivery tables), and carries out each match as
 * the two aggregates' commands (the courier takes the delivery, the delivery gets the courier),
 * in one transaction. The board being a view, a match may be stale by the time it is carried
 * out (another transaction took the courier): the Courier's stream version and its one-delivery
 * rule refuse it, and the caller decides again on a fresh board.
 */
export const assignmentDecider: Decider<AssignmentCommand, AssignmentEvent, AssignmentBoard> = {
  initialState: () => ({ freeCouriers: [], waitingDeliveries: [] }),

  decide(command, board) {
    switch (command.type) {
      case 'FindCourier': {
        const { orderId } = command.data;
        const queued = board.waitingDeliveries.includes(orderId);
        const next = queued ? board : { ...board, waitingDeliveries: [...board.waitingDeliveries, orderId] };
        const matches = match(next);
        if (queued || matches.some((m) => m.data.orderId === orderId)) return matches;
        return [...matches, { type: 'DeliveryQueued', data: { orderId } }];
      }
      case 'FindDelivery': {
        const { courierId } = command.data;
        const queued = board.freeCouriers.includes(courierId);
        const next = queued ? board : { ...board, freeCouriers: [...board.freeCouriers, courierId] };
        const matches = match(next);
        if (queued || matches.some((m) => m.data.courierId === courierId)) return matches;
        return [...matches, { type: 'CourierQueued', data: { courierId } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(board, event) {
    switch (event.type) {
      case 'CourierMatched':
        return {
          freeCouriers: board.freeCouriers.filter((id) => id !== event.data.courierId),
          waitingDeliveries: board.waitingDeliveries.filter((id) => id !== event.data.orderId),
        };
      case 'DeliveryQueued':
        return { ...board, waitingDeliveries: [...board.waitingDeliveries, event.data.orderId] };
      case 'CourierQueued':
        return { ...board, freeCouriers: [...board.freeCouriers, event.data.courierId] };
      default:
        return assertNever(event);
    }
  },
};

/** Oldest waiting with longest free, pair by pair, as far as both lines go. */
function match({ freeCouriers, waitingDeliveries }: AssignmentBoard): CourierMatched[] {
  const pairs = Math.min(freeCouriers.length, waitingDeliveries.length);
  return Array.from({ length: pairs }, (_, i) => ({ type: 'CourierMatched', data: { orderId: waitingDeliveries[i], courierId: freeCouriers[i] } }));
}
