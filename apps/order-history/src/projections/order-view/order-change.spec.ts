import { anOrderCreatedV1 } from '@brigade/contracts/orders';
import { shuffled } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import type { EventPosition } from '../stream-position';
import { foldOrderChanges, OrderChange, OrderRowChange } from './order-change';
import { ORDER_VIEW_EVENTS } from './order-view-events';

const ORDER = '0a1b2c3d-0000-4000-8000-000000000001';
const CONSUMER = '0a1b2c3d-0000-4000-8000-0000000000c1';
const RESTAURANT = '0a1b2c3d-0000-4000-8000-0000000000e1';
const PLACED_AT = '2026-11-27T12:00:00.000Z';
const READY_BY = '2026-11-27T12:30:00.000Z';

let clock = 0;
const at = (subject: string, version: number | null): EventPosition => ({
  eventId: randomUUID(),
  subject,
  occurredAt: new Date(Date.parse(PLACED_AT) + 1000 * clock++).toISOString(),
  version,
});

/** An order's life as the view reads it: created, a verdict, the ticket's steps, a payment, the approval. */
function story(orderId = ORDER): OrderChange[] {
  const ids = { orderId, consumerId: CONSUMER, restaurantId: RESTAURANT };
  const lines = anOrderCreatedV1().lineItems;
  const ticket = (state: NonNullable<OrderChange['ticket']>['state'], version: number, readyBy: string | null = null): OrderChange => ({
    ...ids,
    consumerId: null,
    at: at(`kitchen.ticket.${state.toLowerCase()}.v1`, version),
    ticket: { state, reason: null, readyBy },
  });
  return [
    { ...ids, at: at('orders.order.created.v1', 1), details: { lines, orderTotalCents: 2997 }, decision: { state: 'APPROVAL_PENDING', rejectionReason: null } },
    { ...ids, restaurantId: null, at: at('consumers.consumer.order-validated.v1', 2) },
    ticket('CREATE_PENDING', 1),
    { ...ids, restaurantId: null, at: at('accounting.payment.authorized.v1', 2), payment: { state: 'AUTHORIZED', amountCents: 2997, reason: null } },
    { ...ids, at: at('orders.order.approved.v1', 2), decision: { state: 'APPROVED', rejectionReason: null } },
    ticket('AWAITING_ACCEPTANCE', 2),
    ticket('ACCEPTED', 3, READY_BY),
    ticket('PREPARING', 4),
    ticket('READY_FOR_PICKUP', 5),
  ];
}

/**
 * The row as the writer leaves it, modelled in memory with the writer's guards: a part is
 * written when the change is newer than its version (or has none), a reason when its event is.
 * Applying one event is writing the fold of a batch of one, as the live consumers do.
 */
interface ModelRow {
  consumerId: string | null;
  restaurantId: string | null;
  timeline: Set<string>;
  parts: Record<'details' | 'decision' | 'ticket' | 'payment', { version: number; value: unknown }>;
  ticketReason: string | null;
  paymentReason: string | null;
  readyBy: string | null;
}

const emptyRow = (): ModelRow => ({
  consumerId: null,
  restaurantId: null,
  timeline: new Set(),
  parts: { details: { version: 0, value: null }, decision: { version: 0, value: null }, ticket: { version: 0, value: null }, payment: { version: 0, value: null } },
  ticketReason: null,
  paymentReason: null,
  readyBy: null,
});

const newer = (version: number | null, than: number) => version === null || than < version;

function write(row: ModelRow, change: OrderRowChange): ModelRow {
  const next: ModelRow = { ...row, timeline: new Set(row.timeline), parts: { ...row.parts } };
  next.consumerId ??= change.consumerId;
  next.restaurantId ??= change.restaurantId;
  for (const entry of change.timeline) next.timeline.add(`${entry.eventId} ${entry.subject} ${entry.occurredAt}`);
  const old = row.parts;
  if (change.ticketReason && newer(change.ticketReason.version, old.ticket.version) && newer(change.ticket?.version ?? null, old.ticket.version)) {
    next.ticketReason = change.ticketReason.value;
  }
  if (change.paymentReason && newer(change.paymentReason.version, old.payment.version) && newer(change.payment?.version ?? null, old.payment.version)) {
    next.paymentReason = change.paymentReason.value;
  }
  for (const part of ['details', 'decision', 'ticket', 'payment'] as const) {
    const written = change[part];
    if (written && newer(written.version, old[part].version)) next.parts[part] = { version: written.version ?? old[part].version, value: written.value };
  }
  if (change.readyBy) next.readyBy = change.readyBy.value;
  return next;
}

const oneByOne = (changes: readonly OrderChange[]): ModelRow => changes.reduce((row, change) => write(row, foldOrderChanges([change])[0]), emptyRow());
const asBatch = (changes: readonly OrderChange[]): ModelRow => write(emptyRow(), foldOrderChanges(changes)[0]);

/** A deterministic shuffle (the test must fail the same way twice). */

describe('folding a batch of order changes', () => {
  it('one batch gives the row the events give one by one, in any order and with duplicates', () => {
    const changes = story();
    const expected = oneByOne(changes);
    expect(expected.parts.ticket.value).toBe('READY_FOR_PICKUP');
    expect(expected.readyBy).toBe(READY_BY);
    for (let seed = 1; seed <= 50; seed++) {
      const delivered = shuffled([...changes, ...changes.slice(seed % changes.length)], seed);
      expect(asBatch(delivered)).toEqual(expected);
      expect(oneByOne(delivered)).toEqual(expected);
    }
  });

  it('keeps per part the newest change by its producer version, whatever the batch order', () => {
    const [row] = foldOrderChanges(shuffled(story(), 7));
    expect(row.details).toMatchObject({ version: 1, value: { orderTotalCents: 2997, placedAt: expect.any(String) } });
    expect(row.decision).toEqual({ version: 2, value: { state: 'APPROVED', rejectionReason: null } });
    expect(row.ticket).toEqual({ version: 5, value: 'READY_FOR_PICKUP' });
    expect(row.readyBy).toEqual({ version: 3, value: READY_BY });
    expect(row.payment).toEqual({ version: 2, value: { state: 'AUTHORIZED', amountCents: 2997 } });
    expect([row.consumerId, row.restaurantId]).toEqual([CONSUMER, RESTAURANT]);
  });

  it('a reason is kept with its own version: a row whose ticket is already newer does not take it', () => {
    const cancelled: OrderChange = {
      orderId: ORDER,
      consumerId: null,
      restaurantId: RESTAURANT,
      at: at('kitchen.ticket.cancelled.v1', 2),
      ticket: { state: 'CANCELLED', reason: 'rejected by accounting', readyBy: null },
    };
    const later: OrderChange = { ...cancelled, at: at('kitchen.ticket.ready-for-pickup.v1', 5), ticket: { state: 'READY_FOR_PICKUP', reason: null, readyBy: null } };
    const [row] = foldOrderChanges([later, cancelled]);
    expect(row.ticket).toEqual({ version: 5, value: 'READY_FOR_PICKUP' });
    expect(row.ticketReason).toEqual({ version: 2, value: 'rejected by accounting' });
    // From an empty row, as in version order; from a row already at ticket version 3, as the cancellation alone would be: ignored.
    expect(asBatch([later, cancelled]).ticketReason).toBe('rejected by accounting');
    const atThree = write(emptyRow(), foldOrderChanges([{ ...later, at: at('kitchen.ticket.accepted.v1', 3) }])[0]);
    expect(write(atThree, row).ticketReason).toBeNull();
  });

  it('the timeline holds each event id once, sorted; a duplicate under another spelling is the same event', () => {
    const changes = story();
    const duplicate = { ...changes[0], at: { ...changes[0].at, eventId: changes[0].at.eventId.toUpperCase() } };
    const [row] = foldOrderChanges([...changes, duplicate, ...changes]);
    expect(row.timeline.map((entry) => entry.eventId)).toEqual(changes.map((change) => change.at.eventId).sort());
  });

  it('one row per order, sorted by order id (the lock order), the id however a producer spelled it', () => {
    const ids = ['0a1b2c3d-0000-4000-8000-00000000000b', '0a1b2c3d-0000-4000-8000-00000000000a', '0a1b2c3d-0000-4000-8000-00000000000c'];
    const changes = shuffled(
      ids.flatMap((id) => story(id)),
      3,
    );
    const rows = foldOrderChanges([...changes, { ...changes[0], orderId: changes[0].orderId.toUpperCase() }]);
    expect(rows.map((row) => row.orderId)).toEqual([...ids].sort());
    expect(rows.map((row) => row.timeline.length)).toEqual([9, 9, 9]);
  });

  it('a change without a producer version is applied as it comes: it replaces the part, and the next change replaces it', () => {
    const base = story()[2];
    const unversioned: OrderChange = { ...base, at: at('kitchen.ticket.preparing.v1', null), ticket: { state: 'PREPARING', reason: null, readyBy: null } };
    expect(foldOrderChanges([base, unversioned])[0].ticket).toEqual({ version: null, value: 'PREPARING' });
    expect(foldOrderChanges([unversioned, base])[0].ticket).toEqual({ version: 1, value: 'CREATE_PENDING' });
  });
});

describe('reading events as order changes', () => {
  it('orders.order.created.v1: the details and APPROVAL_PENDING, with the ids it carries', () => {
    const payload = anOrderCreatedV1({ orderId: ORDER, consumerId: CONSUMER, restaurantId: RESTAURANT });
    const position = at('orders.order.created.v1', 1);
    expect(ORDER_VIEW_EVENTS['orders.order.created.v1'](payload, position)).toEqual({
      orderId: ORDER,
      consumerId: CONSUMER,
      restaurantId: RESTAURANT,
      at: position,
      details: { lines: payload.lineItems, orderTotalCents: payload.orderTotalCents },
      decision: { state: 'APPROVAL_PENDING', rejectionReason: null },
    });
  });

  it('a payload breaking its contract throws an unretryable error (the replay skips it, as the live consumer parks it)', () => {
    expect(() => ORDER_VIEW_EVENTS['orders.order.created.v1']({ orderId: 'nope' }, at('orders.order.created.v1', 1))).toThrow(
      expect.objectContaining({ retryable: false }),
    );
  });
});
