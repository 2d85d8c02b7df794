import {
  aPaymentAuthorizedV1,
  aPaymentCapturedV1,
  aPaymentRevisedV1,
  aPaymentRevisionDeclinedV1,
  aPaymentRevisionUndoneV1,
  aPaymentVoidedV1,
} from '@brigade/contracts/accounting';
import { aDeliveryCancelledV1, aDeliveryCourierAssignedV1, aDeliveryCreatedV1 } from '@brigade/contracts/delivery';
import { aTicketCancelRefusedV1, aTicketPickedUpV1, aTicketRevisedV1, aTicketRevisionRefusedV1, aTicketRevisionUndoneV1 } from '@brigade/contracts/kitchen';
import {
  anOrderCancelledV1,
  anOrderCancelRefusedV1,
  anOrderCancelRequestedV1,
  anOrderCreatedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  anOrderRevisionRejectedV1,
} from '@brigade/contracts/orders';
import { shuffled } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import type { EventPosition } from '../stream-position';
import { Decision, foldOrderChanges, OrderChange, OrderRowChange } from './order-change';
import { deliveryStep, PaymentSteps } from './order-lifecycle';
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

const REVISED_LINES = [{ ...anOrderCreatedV1().lineItems[0], quantity: 3 }];
const COURIER = '0a1b2c3d-0000-4000-8000-0000000000d1';

/**
 * An order's life as the view reads it: created, a verdict, the ticket's steps, a payment, the
 * approval, a revision (the order's new lines, the payment's new amount), then the delivery to
 * the door and the capture. Payments are ordered by their step, not their stream version.
 */
function story(orderId = ORDER): OrderChange[] {
  const ids = { orderId, consumerId: CONSUMER, restaurantId: RESTAURANT };
  const lines = anOrderCreatedV1().lineItems;
  const ticket = (state: NonNullable<OrderChange['ticket']>['state'], version: number, readyBy: string | null = null): OrderChange => ({
    ...ids,
    consumerId: null,
    at: at(`kitchen.ticket.${state.toLowerCase()}.v1`, version),
    ticket: { state, reason: null, readyBy },
  });
  const payment = (subject: string, state: NonNullable<OrderChange['payment']>['state'], amountCents: number, step: number): OrderChange => ({
    ...ids,
    restaurantId: null,
    at: at(subject, null),
    payment: { state, amountCents, reason: null, step },
  });
  const delivery = (state: NonNullable<OrderChange['delivery']>['state'], version: number): OrderChange => ({
    ...ids,
    consumerId: null,
    at: at(`delivery.delivery.${state.toLowerCase()}.v1`, version),
    delivery: { state, courierId: state === 'PENDING' ? null : COURIER },
  });
  const decided = (state: Decision['state'], lastChange: Decision['lastChange'] = null): Decision => ({ state, rejectionReason: null, lastChange });
  return [
    { ...ids, at: at('orders.order.created.v1', 1), details: { lines, orderTotalCents: 2997 }, placed: true, decision: decided('APPROVAL_PENDING') },
    { ...ids, restaurantId: null, at: at('consumers.consumer.order-validated.v1', 2) },
    ticket('CREATE_PENDING', 1),
    payment('accounting.payment.authorized.v1', 'AUTHORIZED', 2997, PaymentSteps.verdict),
    { ...ids, at: at('orders.order.approved.v1', 2), decision: decided('APPROVED') },
    ticket('AWAITING_ACCEPTANCE', 2),
    delivery('PENDING', 1),
    ticket('ACCEPTED', 3, READY_BY),
    delivery('ASSIGNED', 2),
    { ...ids, at: at('orders.order.revision-proposed.v1', 3), decision: decided('REVISION_PENDING', { type: 'REVISE', outcome: 'PENDING', reason: null }) },
    { ...ids, consumerId: null, at: at('kitchen.ticket.revised.v1', 4) },
    payment('accounting.payment.revised.v1', 'AUTHORIZED', 3897, PaymentSteps.revised(1)),
    {
      ...ids,
      at: at('orders.order.revised.v1', 4),
      details: { lines: REVISED_LINES, orderTotalCents: 3897 },
      decision: decided('APPROVED', { type: 'REVISE', outcome: 'DONE', reason: null }),
    },
    ticket('PREPARING', 5),
    ticket('READY_FOR_PICKUP', 6),
    delivery('PICKED_UP', 3),
    ticket('PICKED_UP', 7),
    delivery('DELIVERED', 4),
    payment('accounting.payment.captured.v1', 'CAPTURED', 3897, PaymentSteps.settled),
  ];
}

/**
 * The row as the writer leaves it, modelled in memory with the writer's guards: a part is
 * written when the change is newer than its version (or has none), a reason when its event is.
 * Applying one event is writing the fold of a batch of one, as the live consumers do.
 */
const PARTS = ['details', 'decision', 'ticket', 'payment', 'delivery'] as const;

interface ModelRow {
  consumerId: string | null;
  restaurantId: string | null;
  timeline: Set<string>;
  parts: Record<(typeof PARTS)[number], { version: number; value: unknown }>;
  ticketReason: string | null;
  paymentReason: string | null;
  readyBy: string | null;
  placedAt: string | null;
}

const emptyRow = (): ModelRow => ({
  consumerId: null,
  restaurantId: null,
  timeline: new Set(),
  parts: {
    details: { version: 0, value: null },
    decision: { version: 0, value: null },
    ticket: { version: 0, value: null },
    payment: { version: 0, value: null },
    delivery: { version: 0, value: null },
  },
  ticketReason: null,
  paymentReason: null,
  readyBy: null,
  placedAt: null,
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
  for (const part of PARTS) {
    const written = change[part];
    if (written && newer(written.version, old[part].version)) next.parts[part] = { version: written.version ?? old[part].version, value: written.value };
  }
  if (change.readyBy) next.readyBy = change.readyBy.value;
  if (change.placedAt && (row.placedAt === null || change.placedAt < row.placedAt)) next.placedAt = change.placedAt;
  return next;
}

const oneByOne = (changes: readonly OrderChange[]): ModelRow => changes.reduce((row, change) => write(row, foldOrderChanges([change])[0]), emptyRow());
const asBatch = (changes: readonly OrderChange[]): ModelRow => write(emptyRow(), foldOrderChanges(changes)[0]);

/** A deterministic shuffle (the test must fail the same way twice). */

describe('folding a batch of order changes', () => {
  it('one batch gives the row the events give one by one, in any order and with duplicates', () => {
    const changes = story();
    const expected = oneByOne(changes);
    expect(expected.parts.ticket.value).toBe('PICKED_UP');
    expect(expected.parts.delivery.value).toEqual({ state: 'DELIVERED', courierId: COURIER });
    expect(expected.parts.payment.value).toEqual({ state: 'CAPTURED', amountCents: 3897 });
    expect(expected.parts.details.value).toEqual({ lines: REVISED_LINES, orderTotalCents: 3897 });
    expect(expected.placedAt).toBe(changes[0].at.occurredAt);
    expect(expected.readyBy).toBe(READY_BY);
    for (let seed = 1; seed <= 50; seed++) {
      const delivered = shuffled([...changes, ...changes.slice(seed % changes.length)], seed);
      expect(asBatch(delivered)).toEqual(expected);
      expect(oneByOne(delivered)).toEqual(expected);
    }
  });

  it('keeps per part the newest change by its producer version, whatever the batch order', () => {
    const changes = story();
    const [row] = foldOrderChanges(shuffled(changes, 7));
    expect(row.details).toEqual({ version: 4, value: { lines: REVISED_LINES, orderTotalCents: 3897 } });
    expect(row.placedAt).toBe(changes[0].at.occurredAt);
    expect(row.decision).toEqual({ version: 4, value: { state: 'APPROVED', rejectionReason: null, lastChange: { type: 'REVISE', outcome: 'DONE', reason: null } } });
    expect(row.ticket).toEqual({ version: 7, value: 'PICKED_UP' });
    expect(row.readyBy).toEqual({ version: 3, value: READY_BY });
    expect(row.payment).toEqual({ version: PaymentSteps.settled, value: { state: 'CAPTURED', amountCents: 3897 } });
    expect(row.delivery).toEqual({ version: deliveryStep('DELIVERED', 4), value: { state: 'DELIVERED', courierId: COURIER } });
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
    expect(rows.map((row) => row.timeline.length)).toEqual(ids.map(() => story().length));
  });

  it('a change without a producer version is applied as it comes: it replaces the part, and the next change replaces it', () => {
    const base = story()[2];
    const unversioned: OrderChange = { ...base, at: at('kitchen.ticket.preparing.v1', null), ticket: { state: 'PREPARING', reason: null, readyBy: null } };
    expect(foldOrderChanges([base, unversioned])[0].ticket).toEqual({ version: null, value: 'PREPARING' });
    expect(foldOrderChanges([unversioned, base])[0].ticket).toEqual({ version: 1, value: 'CREATE_PENDING' });
  });
});

describe('reading events as order changes', () => {
  it('orders.order.created.v1: the details, when it was placed and APPROVAL_PENDING, with the ids it carries', () => {
    const payload = anOrderCreatedV1({ orderId: ORDER, consumerId: CONSUMER, restaurantId: RESTAURANT });
    const position = at('orders.order.created.v1', 1);
    expect(ORDER_VIEW_EVENTS['orders.order.created.v1'](payload, position)).toEqual({
      orderId: ORDER,
      consumerId: CONSUMER,
      restaurantId: RESTAURANT,
      at: position,
      details: { lines: payload.lineItems, orderTotalCents: payload.orderTotalCents },
      placed: true,
      decision: { state: 'APPROVAL_PENDING', rejectionReason: null, lastChange: null },
    });
  });

  it('orders.order.revised.v1: the revised lines and total (not when it was placed), APPROVED, the revision done', () => {
    const payload = anOrderRevisedV1({ orderId: ORDER, consumerId: CONSUMER, restaurantId: RESTAURANT });
    const position = at('orders.order.revised.v1', 5);
    expect(ORDER_VIEW_EVENTS['orders.order.revised.v1'](payload, position)).toEqual({
      orderId: ORDER,
      consumerId: CONSUMER,
      restaurantId: RESTAURANT,
      at: position,
      details: { lines: payload.lineItems, orderTotalCents: payload.orderTotalCents },
      decision: { state: 'APPROVED', rejectionReason: null, lastChange: { type: 'REVISE', outcome: 'DONE', reason: null } },
    });
  });

  it.each([
    ['orders.order.cancel-requested.v1', anOrderCancelRequestedV1(), { state: 'CANCEL_PENDING', lastChange: { type: 'CANCEL', outcome: 'PENDING', reason: null } }],
    ['orders.order.cancelled.v1', anOrderCancelledV1(), { state: 'CANCELLED', lastChange: { type: 'CANCEL', outcome: 'DONE', reason: null } }],
    ['orders.order.cancel-refused.v1', anOrderCancelRefusedV1(), { state: 'APPROVED', lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: anOrderCancelRefusedV1().reason } }],
    ['orders.order.revision-proposed.v1', anOrderRevisionProposedV1(), { state: 'REVISION_PENDING', lastChange: { type: 'REVISE', outcome: 'PENDING', reason: null } }],
    [
      'orders.order.revision-rejected.v1',
      anOrderRevisionRejectedV1(),
      { state: 'APPROVED', lastChange: { type: 'REVISE', outcome: 'REFUSED', reason: anOrderRevisionRejectedV1().reason } },
    ],
  ])('%s: the state the orders service decided and the last change, nothing else', (subject, payload, decision) => {
    const change = ORDER_VIEW_EVENTS[subject](payload, at(subject, 3));
    expect(change).toEqual({ orderId: payload.orderId, consumerId: payload.consumerId, restaurantId: payload.restaurantId, at: expect.anything(), decision: { rejectionReason: null, ...decision } });
  });

  it('payments: a revision sets the amount held, its undoing sets it back, voided and captured end it; each at its step', () => {
    const read = (subject: string, payload: unknown) => ORDER_VIEW_EVENTS[subject](payload, at(subject, 9))?.payment;
    expect(read('accounting.payment.authorized.v1', aPaymentAuthorizedV1())).toEqual({ state: 'AUTHORIZED', amountCents: 2997, reason: null, step: PaymentSteps.verdict });
    expect(read('accounting.payment.revised.v1', aPaymentRevisedV1({ revision: 2, amountCents: 3897 }))).toEqual({ state: 'AUTHORIZED', amountCents: 3897, reason: null, step: 4 });
    expect(read('accounting.payment.revision-undone.v1', aPaymentRevisionUndoneV1({ revision: 2, amountCents: 2997 }))).toEqual({ state: 'AUTHORIZED', amountCents: 2997, reason: null, step: 5 });
    expect(read('accounting.payment.captured.v1', aPaymentCapturedV1())).toEqual({ state: 'CAPTURED', amountCents: 2997, reason: null, step: PaymentSteps.settled });
    expect(read('accounting.payment.voided.v1', aPaymentVoidedV1())).toEqual({ state: 'VOIDED', amountCents: 2997, reason: null, step: PaymentSteps.settled });
    expect(read('accounting.payment.revision-declined.v1', aPaymentRevisionDeclinedV1())).toBeUndefined();
    // A revision number no order reaches still stays below the end of the payment.
    expect(PaymentSteps.revisionUndone(2 ** 40)).toBeLessThan(PaymentSteps.settled);
    expect(PaymentSteps.revised(2 ** 40)).toBeLessThan(PaymentSteps.revisionUndone(2 ** 40));
  });

  it('delivery events: the delivery part with its courier; kitchen answers to changes: the timeline only', () => {
    const read = (subject: string, payload: unknown) => ORDER_VIEW_EVENTS[subject](payload, at(subject, 2));
    expect(read('delivery.delivery.created.v1', aDeliveryCreatedV1())).toMatchObject({ consumerId: aDeliveryCreatedV1().consumerId, delivery: { state: 'PENDING', courierId: null } });
    expect(read('delivery.delivery.courier-assigned.v1', aDeliveryCourierAssignedV1())?.delivery).toEqual({ state: 'ASSIGNED', courierId: aDeliveryCourierAssignedV1().courierId });
    expect(read('delivery.delivery.cancelled.v1', aDeliveryCancelledV1({ courierId: null }))?.delivery).toEqual({ state: 'CANCELLED', courierId: null });
    expect(read('kitchen.ticket.picked-up.v1', aTicketPickedUpV1())?.ticket).toEqual({ state: 'PICKED_UP', reason: null, readyBy: null });
    for (const [subject, payload] of [
      ['kitchen.ticket.revised.v1', aTicketRevisedV1()],
      ['kitchen.ticket.revision-refused.v1', aTicketRevisionRefusedV1()],
      ['kitchen.ticket.revision-undone.v1', aTicketRevisionUndoneV1()],
      ['kitchen.ticket.cancel-refused.v1', aTicketCancelRefusedV1()],
    ] as const) {
      expect(Object.keys(read(subject, payload) ?? {}).sort()).toEqual(['at', 'consumerId', 'orderId', 'restaurantId']);
    }
  });

  it('a payload breaking its contract throws an unretryable error (the replay skips it, as the live consumer parks it)', () => {
    expect(() => ORDER_VIEW_EVENTS['orders.order.created.v1']({ orderId: 'nope' }, at('orders.order.created.v1', 1))).toThrow(
      expect.objectContaining({ retryable: false }),
    );
  });
});
