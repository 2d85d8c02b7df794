import { given } from '@brigade/testing';
import type { AssignmentEvent, FindCourier, FindDelivery } from './assignment.decider';
import { assignmentDecider as assignment } from './assignment.decider';

const [D1, D2, D3] = ['order-1', 'order-2', 'order-3'];
const [GRACE, ADA] = ['courier-grace', 'courier-ada'];

const deliveryNeedsCourier = (orderId: string): FindCourier => ({ type: 'FindCourier', data: { orderId } });
const courierIsFree = (courierId: string): FindDelivery => ({ type: 'FindDelivery', data: { courierId } });
const matched = (orderId: string, courierId: string): AssignmentEvent => ({ type: 'CourierMatched', data: { orderId, courierId } });
const deliveryQueued = (orderId: string): AssignmentEvent => ({ type: 'DeliveryQueued', data: { orderId } });
const courierQueued = (courierId: string): AssignmentEvent => ({ type: 'CourierQueued', data: { courierId } });

describe('assignment rule', () => {
  describe('a delivery needs a courier', () => {
    it('none free: the delivery waits', () => {
      given(assignment, []).when(deliveryNeedsCourier(D1)).then([deliveryQueued(D1)]);
    });

    it('one free: the delivery gets that courier', () => {
      given(assignment, [courierQueued(GRACE)]).when(deliveryNeedsCourier(D1)).then([matched(D1, GRACE)]);
    });

    it('several free: the one free the longest gets it', () => {
      given(assignment, [courierQueued(GRACE), courierQueued(ADA)]).when(deliveryNeedsCourier(D1)).then([matched(D1, GRACE)]);
    });

    it('two deliveries, one courier: one assignment, the other delivery waits', () => {
      given(assignment, [courierQueued(GRACE)]).when(deliveryNeedsCourier(D1)).then([matched(D1, GRACE)]);
      given(assignment, [courierQueued(GRACE), matched(D1, GRACE)]).when(deliveryNeedsCourier(D2)).then([deliveryQueued(D2)]);
    });

    it('a delivery already waiting, still none free: nothing new (a repeat)', () => {
      given(assignment, [deliveryQueued(D1)]).when(deliveryNeedsCourier(D1)).then([]);
    });

    it('a delivery already on the board (its own transaction wrote it) gets a free courier all the same', () => {
      given(assignment, [courierQueued(GRACE), deliveryQueued(D1)]).when(deliveryNeedsCourier(D1)).then([matched(D1, GRACE)]);
    });
  });

  describe('a courier is free', () => {
    it('no delivery waits: the courier stays free, in line', () => {
      given(assignment, []).when(courierIsFree(GRACE)).then([courierQueued(GRACE)]);
    });

    it('courier freed: the delivery that waited longest gets them, the next keeps waiting', () => {
      given(assignment, [deliveryQueued(D1), deliveryQueued(D2)]).when(courierIsFree(GRACE)).then([matched(D1, GRACE)]);
      given(assignment, [deliveryQueued(D1), deliveryQueued(D2), matched(D1, GRACE)]).when(courierIsFree(ADA)).then([matched(D2, ADA)]);
    });

    it('a courier already free, still nothing waits: nothing new (a repeat)', () => {
      given(assignment, [courierQueued(GRACE)]).when(courierIsFree(GRACE)).then([]);
    });
  });

  it('a board where some wait while others are free (never left so, but read mid-change) is matched pair by pair, oldest first', () => {
    given(assignment, [deliveryQueued(D1), deliveryQueued(D2), deliveryQueued(D3), courierQueued(GRACE)])
      .when(courierIsFree(ADA))
      .then([matched(D1, GRACE), matched(D2, ADA)]);
  });
});
