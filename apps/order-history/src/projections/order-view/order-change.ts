import { EventPosition, Versioned, newest } from '../stream-position';
import type { DecidedState, DeliveryState, LastChange, OrderLine, PaymentState, TicketState } from './order-history.view';
import { deliveryStep } from './order-lifecycle';

/**
 * What one event says about one order, as plain data (pure: no I/O). The live consumers and the
 * rebuild's replay both turn events into these and hand batches of them to the one writer
 * (OrderView.apply): a live event is a batch of one.
 */
export interface OrderChange {
  readonly orderId: string;
  /** Ids the event carries besides the order's: they fill the row's missing ones. */
  readonly consumerId: string | null;
  readonly restaurantId: string | null;
  readonly at: EventPosition;
  /** The order's stream: its lines and total (as created, then as each approved revision has them)... */
  readonly details?: { readonly lines: readonly OrderLine[]; readonly orderTotalCents: number };
  /** ...when it was placed (only its creation says: when that occurred)... */
  readonly placed?: true;
  /** ...and its state, with the last change asked for. */
  readonly decision?: Decision;
  /** The ticket's stream. `reason` and `readyBy` are kept once known: later steps do not repeat them. */
  readonly ticket?: { readonly state: TicketState; readonly reason: string | null; readonly readyBy: string | null };
  /**
   * The payment, ordered by `step` (order-lifecycle.ts's PaymentSteps), not by a stream version:
   * its events may come from more than one accounting stream. `reason` is kept once known.
   */
  readonly payment?: { readonly state: PaymentState; readonly amountCents: number; readonly reason: string | null; readonly step: number };
  /** The delivery's stream (its id is the order's), ordered by its step (order-lifecycle.ts's deliveryStep). */
  readonly delivery?: DeliveryPart;
}

export interface Decision {
  readonly state: DecidedState;
  readonly rejectionReason: string | null;
  readonly lastChange: LastChange | null;
}

export interface DeliveryPart {
  readonly state: DeliveryState;
  readonly courierId: string | null;
}

export interface OrderDetails {
  readonly lines: readonly OrderLine[];
  readonly orderTotalCents: number;
}

/**
 * A batch's changes to one order's row, folded: per part, the change the row's version guard
 * would keep (the newest by its producer's version), and the timeline entries once per event id.
 * The writer applies each part under the same guard as a single event, so writing the fold
 * gives what applying the batch's events one by one in version order gives, from any row.
 */
export interface OrderRowChange {
  readonly orderId: string;
  readonly consumerId: string | null;
  readonly restaurantId: string | null;
  /** Sorted by event id. */
  readonly timeline: ReadonlyArray<Pick<EventPosition, 'eventId' | 'subject' | 'occurredAt'>>;
  readonly details: Versioned<OrderDetails> | null;
  /** The earliest creation time seen: one creation per order, so any copy says the same. */
  readonly placedAt: string | null;
  readonly decision: Versioned<Decision> | null;
  readonly ticket: Versioned<TicketState> | null;
  /** The newest ticket change that gave a reason; the writer keeps it only if newer than the row's ticket part. */
  readonly ticketReason: Versioned<string> | null;
  /** The newest promise: a fact once made, written whatever the ticket's version (as a single event does). */
  readonly readyBy: Versioned<string> | null;
  /** Its `version` is the payment step. */
  readonly payment: Versioned<{ readonly state: PaymentState; readonly amountCents: number }> | null;
  readonly paymentReason: Versioned<string> | null;
  /** Its `version` is the delivery step. */
  readonly delivery: Versioned<DeliveryPart> | null;
}

type MutableRow = { -readonly [K in keyof OrderRowChange]: OrderRowChange[K] } & { readonly events: Set<string> };

/** Folds a batch of changes into one change per order, sorted by order id (the order rows are locked in). */
export function foldOrderChanges(changes: readonly OrderChange[]): OrderRowChange[] {
  const rows = new Map<string, MutableRow>();
  for (const change of changes) {
    const orderId = change.orderId.toLowerCase(); // one row per uuid, however a producer spelled it
    let row = rows.get(orderId);
    if (!row) {
      row = emptyRow(orderId);
      rows.set(orderId, row);
    }
    foldInto(row, change);
  }
  const folded = [...rows.values()].sort((a, b) => compare(a.orderId, b.orderId));
  for (const row of folded) (row.timeline as Array<OrderRowChange['timeline'][number]>).sort((a, b) => compare(a.eventId, b.eventId));
  return folded;
}

function emptyRow(orderId: string): MutableRow {
  return {
    orderId,
    consumerId: null,
    restaurantId: null,
    timeline: [],
    events: new Set(),
    details: null,
    placedAt: null,
    decision: null,
    ticket: null,
    ticketReason: null,
    readyBy: null,
    payment: null,
    paymentReason: null,
    delivery: null,
  };
}

function foldInto(row: MutableRow, change: OrderChange): void {
  const { at } = change;
  const version = at.version;
  row.consumerId ??= change.consumerId?.toLowerCase() ?? null;
  row.restaurantId ??= change.restaurantId?.toLowerCase() ?? null;
  const eventId = at.eventId.toLowerCase();
  if (!row.events.has(eventId)) {
    row.events.add(eventId);
    (row.timeline as Array<OrderRowChange['timeline'][number]>).push({ eventId, subject: at.subject, occurredAt: at.occurredAt });
  }
  if (change.details) {
    const { lines, orderTotalCents } = change.details;
    row.details = newest(row.details, { version, value: { lines, orderTotalCents } });
  }
  if (change.placed && (row.placedAt === null || Date.parse(at.occurredAt) < Date.parse(row.placedAt))) row.placedAt = at.occurredAt;
  if (change.decision) row.decision = newest(row.decision, { version, value: change.decision });
  if (change.ticket) {
    const { state, reason, readyBy } = change.ticket;
    row.ticket = newest(row.ticket, { version, value: state });
    if (reason !== null) row.ticketReason = newest(row.ticketReason, { version, value: reason });
    if (readyBy !== null) row.readyBy = newest(row.readyBy, { version, value: readyBy });
  }
  if (change.payment) {
    const { state, amountCents, reason, step } = change.payment;
    row.payment = newest(row.payment, { version: step, value: { state, amountCents } });
    if (reason !== null) row.paymentReason = newest(row.paymentReason, { version: step, value: reason });
  }
  if (change.delivery) row.delivery = newest(row.delivery, { version: deliveryStep(change.delivery.state, version), value: change.delivery });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
