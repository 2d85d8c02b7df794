import type { DecidedState, DeliveryState, OrderState, TicketState } from './order-history.view';

/**
 * An order's state as the view shows it, from the three parts of its row that say where it stands
 * (pure). Each part comes from one producer's stream and only moves forward along it, whatever
 * the arrival order across streams (order-change.ts); so the state, a function of the three, is
 * the same for the same events in any order.
 *
 * - The order's stream decides: REJECTED and CANCELLED are final, and a change asked for
 *   (CANCEL_PENDING, REVISION_PENDING) is shown until the orders service settles it, as it does.
 * - Otherwise (APPROVED, or an approval still on its way) fulfilment shows through, as the orders
 *   service mirrors it: the furthest of the kitchen's PREPARING, READY_FOR_PICKUP, PICKED_UP and
 *   the delivery's PICKED_UP, DELIVERED. Cooking implies an approval, so fulfilment known before
 *   the order's approval (or creation) arrived is shown too.
 *
 * The table computes the same as a generated column (LIFECYCLE_STATE_SQL), so every write path
 * (a live event, a replay's batch) leaves it consistent with the parts, and a consumer's history
 * filters on it; a component spec checks the two agree on every combination of the parts.
 */
export function lifecycleState(decided: DecidedState | null, ticket: TicketState | null, delivery: DeliveryState | null): OrderState | null {
  switch (decided) {
    case 'REJECTED':
    case 'CANCELLED':
    case 'CANCEL_PENDING':
    case 'REVISION_PENDING':
      return decided;
    case null:
    case 'APPROVAL_PENDING':
    case 'APPROVED':
      return fulfilment(ticket, delivery) ?? decided;
    default:
      return unknownState(decided);
  }
}

function fulfilment(ticket: TicketState | null, delivery: DeliveryState | null): OrderState | null {
  if (delivery === 'DELIVERED') return 'DELIVERED';
  if (delivery === 'PICKED_UP' || ticket === 'PICKED_UP') return 'PICKED_UP';
  if (ticket === 'READY_FOR_PICKUP' || ticket === 'PREPARING') return ticket;
  return null;
}

function unknownState(state: never): never {
  throw new Error(`Unknown order state ${String(state)}`);
}

/** lifecycleState over the row's columns `order_state`, `ticket_state`, `delivery_state` (a NULL compares as no match). */
export const LIFECYCLE_STATE_SQL = `CASE
  WHEN order_state IN ('REJECTED', 'CANCELLED', 'CANCEL_PENDING', 'REVISION_PENDING') THEN order_state
  WHEN delivery_state = 'DELIVERED' THEN 'DELIVERED'
  WHEN delivery_state = 'PICKED_UP' OR ticket_state = 'PICKED_UP' THEN 'PICKED_UP'
  WHEN ticket_state IN ('PREPARING', 'READY_FOR_PICKUP') THEN ticket_state
  ELSE order_state
END`;

/**
 * Where a payment event stands in its order's payment, the key its part moves forward along.
 * Not the producer's stream version: an order's payment events may come from more than one
 * accounting stream (the consumer's account, a per-order payment), whose versions do not compare.
 * Their meaning does: a verdict (authorised or declined) comes first, then each revision's
 * adjustment and its undoing, in revision order, and the payment ends voided or captured.
 */
/**
 * Where a delivery event stands in its delivery, the key its part moves forward along: first
 * the state's place in the delivery's one-way life (PENDING, ASSIGNED, PICKED_UP, then DELIVERED
 * or CANCELLED), then the delivery stream's version (between two events of one state, e.g. a
 * second assignment). So a late ASSIGNED never undoes a pickup even if the delivery context
 * recorded the assignment in another stream (the courier's) whose versions run higher.
 */
export function deliveryStep(state: DeliveryState, version: number | null): number {
  return DELIVERY_RANKS[state] * VERSIONS_PER_STATE + Math.min(Math.max(version ?? 0, 0), VERSIONS_PER_STATE - 1);
}

const DELIVERY_RANKS: Readonly<Record<DeliveryState, number>> = { PENDING: 1, ASSIGNED: 2, PICKED_UP: 3, DELIVERED: 4, CANCELLED: 4 };
/** 4 ranks of 10^8 versions stay within an integer column. */
const VERSIONS_PER_STATE = 100_000_000;

const SETTLED = 2_147_483_647; // the largest integer column value: nothing comes after
export const PaymentSteps = {
  verdict: 1,
  revised: (revision: number) => Math.min(2 * revision, SETTLED - 2),
  revisionUndone: (revision: number) => Math.min(2 * revision + 1, SETTLED - 1),
  settled: SETTLED,
} as const;
