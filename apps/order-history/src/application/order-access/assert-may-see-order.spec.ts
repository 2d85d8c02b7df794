import type { Actor } from '@brigade/event-store';
import { OrderHistoryErrorCodes } from '../../domain/order-history.errors';
import { assertMaySeeOrder } from './assert-may-see-order';

const ORDER = '7b0c6a0e-3f4d-4a51-9d0e-5a1f2b3c4d01';
const OWNER = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
const consumer = (consumerId: string): Actor => ({ id: `user-${consumerId}`, role: 'consumer', consumerId });
const admin: Actor = { id: 'admin-1', role: 'admin' };

describe('who may see an order of the history', () => {
  it('its consumer and an admin', () => {
    expect(() => assertMaySeeOrder(consumer(OWNER), ORDER, OWNER)).not.toThrow();
    expect(() => assertMaySeeOrder(admin, ORDER, OWNER)).not.toThrow();
  });

  it('not another consumer, nor staff or a courier: forbidden', () => {
    const others: Actor[] = [consumer('9d8e7f60-0000-4000-8000-000000000002'), { id: 's', role: 'restaurant', restaurantId: 'r' }, { id: 'c', role: 'courier', courierId: 'k' }];
    for (const actor of others) expect(() => assertMaySeeOrder(actor, ORDER, OWNER)).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN', kind: 'forbidden' }));
  });

  it('an order whose consumer is not known yet: not found for a consumer, shown to an admin', () => {
    expect(() => assertMaySeeOrder(consumer(OWNER), ORDER, null)).toThrow(expect.objectContaining({ code: OrderHistoryErrorCodes.OrderNotFound }));
    expect(() => assertMaySeeOrder(admin, ORDER, null)).not.toThrow();
  });
});
