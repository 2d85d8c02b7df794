import {
  aPaymentAuthorizedV1,
  aPaymentCapturedV1,
  aPaymentRevisedV1,
  aPaymentRevisionUndoneV1,
  aPaymentVoidedV1,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentRevisedV1,
  paymentRevisionUndoneV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import { Contract } from '@brigade/contracts/core';
import {
  aDeliveryCancelledV1,
  aDeliveryCourierAssignedV1,
  aDeliveryCreatedV1,
  aDeliveryDeliveredV1,
  aDeliveryPickedUpV1,
  deliveryCancelledV1,
  deliveryCourierAssignedV1,
  deliveryCreatedV1,
  deliveryDeliveredV1,
  deliveryPickedUpV1,
} from '@brigade/contracts/delivery';
import {
  aTicketAcceptedV1,
  aTicketCancelledV1,
  aTicketCancelRefusedV1,
  aTicketConfirmedV1,
  aTicketPickedUpV1,
  aTicketPreparingV1,
  aTicketReadyForPickupV1,
  aTicketRevisedV1,
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketCancelRefusedV1,
  ticketConfirmedV1,
  ticketPickedUpV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRevisedV1,
} from '@brigade/contracts/kitchen';
import {
  anOrderApprovedV1,
  anOrderCancelledV1,
  anOrderCancelRefusedV1,
  anOrderCancelRequestedV1,
  anOrderCreatedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  anOrderRevisionRejectedV1,
  orderApprovedV1,
  orderCancelledV1,
  orderCancelRefusedV1,
  orderCancelRequestedV1,
  orderCreatedV1,
  orderRevisedV1,
  orderRevisionProposedV1,
  orderRevisionRejectedV1,
} from '@brigade/contracts/orders';
import { shuffled } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { foldOrderChanges, OrderChange, OrderRowChange } from './order-change';
import { DECIDED_STATES, DELIVERY_STATES, DecidedState, DeliveryState, OrderState, TICKET_STATES, TicketState } from './order-history.view';
import { lifecycleState } from './order-lifecycle';
import { ORDER_VIEW_EVENTS } from './order-view-events';

// The contract examples share one order, consumer, restaurant and courier: one order's life.
const PLACED_AT = Date.parse('2026-11-27T12:00:00.000Z');
let clock = 0;

/** An event of `contract` as the view reads it, `version` in its producer's stream. */
function read<T>(contract: Contract<T>, payload: T, version: number): OrderChange {
  const at = { eventId: randomUUID(), subject: contract.subject, occurredAt: new Date(PLACED_AT + 1000 * clock++).toISOString(), version };
  return ORDER_VIEW_EVENTS[contract.subject](payload, at);
}

/** The row the view keeps for these changes (a batch's fold is what one-by-one gives: order-change.spec.ts). */
const rowOf = (changes: readonly OrderChange[]): OrderRowChange => foldOrderChanges(changes)[0];
const stateOf = (row: OrderRowChange): OrderState | null =>
  lifecycleState(row.decision?.value.state ?? null, row.ticket?.value ?? null, row.delivery?.value.state ?? null);

/** For every seed, the changes in another order: the view must not see a difference. */
function inAnyOrder(changes: readonly OrderChange[], check: (row: OrderRowChange) => void): void {
  check(rowOf(changes));
  for (let seed = 1; seed <= 40; seed++) check(rowOf(shuffled(changes, seed)));
}

const created = anOrderCreatedV1();
const placedAndApproved = (): OrderChange[] => [
  read(orderCreatedV1, created, 1),
  read(paymentAuthorizedV1, aPaymentAuthorizedV1({ amountCents: created.orderTotalCents }), 2),
  read(orderApprovedV1, anOrderApprovedV1(), 2),
  read(ticketConfirmedV1, aTicketConfirmedV1(), 2),
  read(deliveryCreatedV1, aDeliveryCreatedV1(), 1),
];

describe('an order\'s state: the orders service\'s decision, with fulfilment shown through', () => {
  it.each<[DecidedState | null, TicketState | null, DeliveryState | null, OrderState | null]>([
    [null, null, null, null],
    ['APPROVAL_PENDING', 'CREATE_PENDING', null, 'APPROVAL_PENDING'],
    ['APPROVED', 'ACCEPTED', 'ASSIGNED', 'APPROVED'],
    ['APPROVED', 'PREPARING', 'ASSIGNED', 'PREPARING'],
    ['APPROVED', 'READY_FOR_PICKUP', 'ASSIGNED', 'READY_FOR_PICKUP'],
    ['APPROVED', 'READY_FOR_PICKUP', 'PICKED_UP', 'PICKED_UP'],
    ['APPROVED', 'PICKED_UP', 'ASSIGNED', 'PICKED_UP'],
    ['APPROVED', 'PICKED_UP', 'DELIVERED', 'DELIVERED'],
    ['APPROVED', 'READY_FOR_PICKUP', 'DELIVERED', 'DELIVERED'],
    // Cooking implies an approval: shown while the approval (or the order itself) is on its way.
    [null, 'PREPARING', null, 'PREPARING'],
    ['APPROVAL_PENDING', 'READY_FOR_PICKUP', null, 'READY_FOR_PICKUP'],
    // The order's own word comes first: a final decision, or a change being settled.
    ['REJECTED', 'CANCELLED', null, 'REJECTED'],
    ['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED'],
    ['CANCEL_PENDING', 'ACCEPTED', 'ASSIGNED', 'CANCEL_PENDING'],
    ['CANCEL_PENDING', 'PREPARING', 'ASSIGNED', 'CANCEL_PENDING'],
    ['REVISION_PENDING', 'ACCEPTED', 'PENDING', 'REVISION_PENDING'],
  ])('order %s, ticket %s, delivery %s -> %s', (decided, ticket, delivery, state) => {
    expect(lifecycleState(decided, ticket, delivery)).toBe(state);
  });

  it('is one of the order states, or null only before anything said where the order stands, for every combination', () => {
    for (const decided of [null, ...DECIDED_STATES]) {
      for (const ticket of [null, ...TICKET_STATES]) {
        for (const delivery of [null, ...DELIVERY_STATES]) {
          const state = lifecycleState(decided, ticket, delivery);
          if (decided !== null) expect(state).not.toBeNull();
          if (decided === 'CANCELLED' || decided === 'REJECTED') expect(state).toBe(decided);
        }
      }
    }
  });
});

describe('given an order\'s events in any order, its view', () => {
  it('a cancelled order: CANCELLED, the ticket and the delivery cancelled, the hold voided, the cancellation done', () => {
    const events = [
      ...placedAndApproved(),
      read(ticketAcceptedV1, aTicketAcceptedV1(), 3),
      read(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1(), 2),
      read(orderCancelRequestedV1, anOrderCancelRequestedV1(), 3),
      read(ticketCancelledV1, aTicketCancelledV1({ reason: 'order cancelled' }), 4),
      read(orderCancelledV1, anOrderCancelledV1(), 4),
      read(paymentVoidedV1, aPaymentVoidedV1({ amountCents: created.orderTotalCents }), 5),
      read(deliveryCancelledV1, aDeliveryCancelledV1(), 3),
    ];
    inAnyOrder(events, (row) => {
      expect(stateOf(row)).toBe('CANCELLED');
      expect(row.decision?.value.lastChange).toEqual({ type: 'CANCEL', outcome: 'DONE', reason: null });
      expect(row.ticket?.value).toBe('CANCELLED');
      expect(row.ticketReason?.value).toBe('order cancelled');
      expect(row.payment?.value).toEqual({ state: 'VOIDED', amountCents: created.orderTotalCents });
      expect(row.delivery?.value).toEqual({ state: 'CANCELLED', courierId: aDeliveryCancelledV1().courierId });
      expect(row.timeline).toHaveLength(events.length);
    });
  });

  it('a cancellation the kitchen refused (it was cooking): back to APPROVED, so PREPARING shows, with the refusal and its reason', () => {
    const events = [
      ...placedAndApproved(),
      read(ticketAcceptedV1, aTicketAcceptedV1(), 3),
      read(orderCancelRequestedV1, anOrderCancelRequestedV1(), 3),
      read(ticketPreparingV1, aTicketPreparingV1(), 4),
      read(ticketCancelRefusedV1, aTicketCancelRefusedV1(), 5),
      read(orderCancelRefusedV1, anOrderCancelRefusedV1(), 4),
    ];
    inAnyOrder(events, (row) => {
      expect(stateOf(row)).toBe('PREPARING');
      expect(row.decision?.value).toEqual({ state: 'APPROVED', rejectionReason: null, lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: anOrderCancelRefusedV1().reason } });
    });
    // Until the orders service has settled it, the cancellation is pending, whatever the kitchen did meanwhile.
    expect(stateOf(rowOf(events.filter((e) => e.at.subject !== orderCancelRefusedV1.subject)))).toBe('CANCEL_PENDING');
  });

  it('a revised order: APPROVED with the revised lines and total, the hold at the new amount', () => {
    const revised = anOrderRevisedV1();
    const events = [
      ...placedAndApproved(),
      read(orderRevisionProposedV1, anOrderRevisionProposedV1(), 3),
      read(ticketRevisedV1, aTicketRevisedV1(), 3),
      read(paymentRevisedV1, aPaymentRevisedV1({ amountCents: revised.orderTotalCents, previousAmountCents: created.orderTotalCents }), 3),
      read(orderRevisedV1, revised, 4),
    ];
    inAnyOrder(events, (row) => {
      expect(stateOf(row)).toBe('APPROVED');
      expect(row.details?.value).toEqual({ lines: revised.lineItems, orderTotalCents: revised.orderTotalCents });
      expect(row.placedAt).toBe(events[0].at.occurredAt);
      expect(row.payment?.value).toEqual({ state: 'AUTHORIZED', amountCents: revised.orderTotalCents });
      expect(row.decision?.value.lastChange).toEqual({ type: 'REVISE', outcome: 'DONE', reason: null });
    });
  });

  it('a rejected revision accounting had accepted: the lines as placed, the hold back at its amount, the reason kept', () => {
    const events = [
      ...placedAndApproved(),
      read(orderRevisionProposedV1, anOrderRevisionProposedV1(), 3),
      read(paymentRevisedV1, aPaymentRevisedV1({ amountCents: 3897, previousAmountCents: created.orderTotalCents }), 3),
      read(orderRevisionRejectedV1, anOrderRevisionRejectedV1(), 4),
      read(paymentRevisionUndoneV1, aPaymentRevisionUndoneV1({ amountCents: created.orderTotalCents }), 4),
    ];
    inAnyOrder(events, (row) => {
      expect(stateOf(row)).toBe('APPROVED');
      expect(row.details?.value).toEqual({ lines: created.lineItems, orderTotalCents: created.orderTotalCents });
      expect(row.payment?.value).toEqual({ state: 'AUTHORIZED', amountCents: created.orderTotalCents });
      expect(row.decision?.value.lastChange).toEqual({ type: 'REVISE', outcome: 'REFUSED', reason: anOrderRevisionRejectedV1().reason });
    });
  });

  it('a delivered order: DELIVERED, its courier, the ticket picked up, the payment captured (even when accounting numbers it in another stream)', () => {
    const events = [
      ...placedAndApproved(),
      read(ticketAcceptedV1, aTicketAcceptedV1(), 3),
      read(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1(), 2),
      read(ticketPreparingV1, aTicketPreparingV1(), 4),
      read(ticketReadyForPickupV1, aTicketReadyForPickupV1(), 5),
      read(deliveryPickedUpV1, aDeliveryPickedUpV1(), 3),
      read(ticketPickedUpV1, aTicketPickedUpV1(), 6),
      read(deliveryDeliveredV1, aDeliveryDeliveredV1(), 4),
      // A per-order payment stream's version 1, after the account stream's authorisation at 2.
      read(paymentCapturedV1, aPaymentCapturedV1({ amountCents: created.orderTotalCents }), 1),
    ];
    inAnyOrder(events, (row) => {
      expect(stateOf(row)).toBe('DELIVERED');
      expect(row.ticket?.value).toBe('PICKED_UP');
      expect(row.delivery?.value).toEqual({ state: 'DELIVERED', courierId: aDeliveryDeliveredV1().courierId });
      expect(row.payment?.value).toEqual({ state: 'CAPTURED', amountCents: created.orderTotalCents });
    });
  });

  it('a delivery moves one way: an assignment numbered in another stream (higher) never undoes the pickup; a second assignment replaces the first', () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const events = [
      read(deliveryCreatedV1, aDeliveryCreatedV1(), 1),
      read(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1({ courierId: first }), 2),
      read(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1({ courierId: second }), 3),
      read(deliveryPickedUpV1, aDeliveryPickedUpV1({ courierId: second }), 4),
    ];
    inAnyOrder(events, (row) => expect(row.delivery?.value).toEqual({ state: 'PICKED_UP', courierId: second }));
    const lateFromACourierStream = read(deliveryCourierAssignedV1, aDeliveryCourierAssignedV1({ courierId: second }), 57);
    inAnyOrder([...events, lateFromACourierStream], (row) => expect(row.delivery?.value).toEqual({ state: 'PICKED_UP', courierId: second }));
    inAnyOrder(events.slice(0, 3), (row) => expect(row.delivery?.value).toEqual({ state: 'ASSIGNED', courierId: second }));
  });
});
