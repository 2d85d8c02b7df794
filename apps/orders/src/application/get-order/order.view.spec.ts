import { orderDecider } from '../../domain/order.decider';
import { OrderErrorCodes } from '../../domain/order.errors';
import {
  aRevision,
  ORDER_ID,
  orderApproved,
  orderCancelled,
  orderCancelRefused,
  orderCancelRequested,
  orderCreated,
  orderDetails,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
  orderRevised,
  orderRevisionProposed,
  orderRevisionRejected,
  revisedLines,
} from '../../domain/order.mothers';
import type { OrderState } from '../../domain/order.state';
import { toOrderView } from './order.view';

const stateAfter = (...events: Parameters<typeof orderDecider.evolve>[1][]) => events.reduce(orderDecider.evolve, orderDecider.initialState());

describe('order view', () => {
  it('shows a pending order with its priced lines, total and version', () => {
    expect(toOrderView(ORDER_ID, stateAfter(orderCreated), 1)).toEqual({
      orderId: ORDER_ID,
      state: 'APPROVAL_PENDING',
      consumerId: orderDetails.consumerId,
      restaurantId: orderDetails.restaurantId,
      lineItems: orderDetails.lineItems,
      orderTotalCents: 2997,
      version: 1,
    });
  });

  it('shows an approved order without a rejection reason', () => {
    const view = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved), 2);
    expect(view).toMatchObject({ state: 'APPROVED', version: 2 });
    expect(view).not.toHaveProperty('rejectionReason');
    expect(view).not.toHaveProperty('lastChange');
  });

  it('shows why a rejected order was rejected', () => {
    expect(toOrderView(ORDER_ID, stateAfter(orderCreated, orderRejected('kitchen: closed')), 2)).toMatchObject({
      state: 'REJECTED',
      rejectionReason: 'kitchen: closed',
    });
  });

  it('shows the kitchen’s progress on an approved order, with its lines and total', () => {
    const preparing = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved, orderPreparationStarted), 3);
    expect(preparing).toEqual({ ...toOrderView(ORDER_ID, stateAfter(orderCreated), 1), state: 'PREPARING', version: 3 });
    const ready = toOrderView(ORDER_ID, stateAfter(orderCreated, orderApproved, orderPreparationStarted, orderReadyForPickup), 4);
    expect(ready).toEqual({ ...preparing, state: 'READY_FOR_PICKUP', version: 4 });
  });

  describe('its last change', () => {
    const approved = [orderCreated, orderApproved];

    it('shows a pending cancel, without a reason', () => {
      const view = toOrderView(ORDER_ID, stateAfter(...approved, orderCancelRequested), 3);
      expect(view).toMatchObject({ state: 'CANCEL_PENDING', lastChange: { type: 'CANCEL', outcome: 'PENDING' } });
      expect(view.lastChange).not.toHaveProperty('reason');
    });

    it('shows a cancelled order’s cancel as done', () => {
      expect(toOrderView(ORDER_ID, stateAfter(...approved, orderCancelRequested, orderCancelled), 4)).toMatchObject({
        state: 'CANCELLED',
        lastChange: { type: 'CANCEL', outcome: 'DONE' },
      });
    });

    it('shows why a cancel was refused, with the order back where it was', () => {
      expect(toOrderView(ORDER_ID, stateAfter(...approved, orderCancelRequested, orderCancelRefused('kitchen: ticket is PREPARING')), 4)).toMatchObject({
        state: 'APPROVED',
        lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING' },
      });
    });

    it('shows a pending revision with the lines the order has, not the proposed ones', () => {
      const view = toOrderView(ORDER_ID, stateAfter(...approved, orderRevisionProposed()), 3);
      expect(view).toMatchObject({ state: 'REVISION_PENDING', lineItems: orderDetails.lineItems, orderTotalCents: 2997, lastChange: { type: 'REVISE', outcome: 'PENDING' } });
      expect(view).not.toHaveProperty('proposal');
    });

    it('shows a revised order with its new lines and total', () => {
      expect(toOrderView(ORDER_ID, stateAfter(...approved, orderRevisionProposed(), orderRevised()), 4)).toEqual({
        ...toOrderView(ORDER_ID, stateAfter(orderCreated), 1),
        state: 'APPROVED',
        lineItems: revisedLines,
        orderTotalCents: 3897,
        lastChange: { type: 'REVISE', outcome: 'DONE' },
        version: 4,
      });
    });

    it('shows why a revision was rejected, with the lines unchanged', () => {
      expect(toOrderView(ORDER_ID, stateAfter(...approved, orderRevisionProposed(), orderRevisionRejected(1, 'accounting: no credit')), 4)).toEqual({
        ...toOrderView(ORDER_ID, stateAfter(orderCreated), 1),
        state: 'APPROVED',
        lastChange: { type: 'REVISE', outcome: 'REFUSED', reason: 'accounting: no credit' },
        version: 4,
      });
    });

    it('keeps it while the kitchen moves on', () => {
      expect(toOrderView(ORDER_ID, stateAfter(...approved, orderRevisionProposed(aRevision()), orderRevised(), orderPreparationStarted), 5)).toMatchObject({
        state: 'PREPARING',
        lastChange: { type: 'REVISE', outcome: 'DONE' },
      });
    });

    it('shows only its type, outcome and reason, whatever the state holds', () => {
      const state = stateAfter(...approved, orderCancelRequested, orderCancelRefused('kitchen: ticket is PREPARING'));
      const lastChange = { type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING', internalNote: 'secret' } as const;
      const withInternals: OrderState = { ...state, lastChange } as OrderState;
      expect(toOrderView(ORDER_ID, withInternals, 4).lastChange).toEqual({ type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING' });
    });
  });

  it('refuses an unknown order as not found', () => {
    expect(() => toOrderView(ORDER_ID, orderDecider.initialState(), 0)).toThrow(expect.objectContaining({ code: OrderErrorCodes.NotFound }));
  });
});
