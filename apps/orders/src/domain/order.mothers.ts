import { OrderCommand, OrderDetails, OrderEvent } from './order.decider';
import type { OrderRevision } from './order.events';
import { OrderLine, RestaurantSnapshot } from './order.types';

// Object mothers for order specs: valid by default, overridden where a test cares.
export const ORDER_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
export const CONSUMER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const RESTAURANT_ID = '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01';
export const VINDALOO = '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01';
export const NAAN = '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02';

export const anOpenRestaurant = (overrides: Partial<RestaurantSnapshot> = {}): RestaurantSnapshot => ({
  restaurantId: RESTAURANT_ID,
  open: true,
  menu: [
    { menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299 },
    { menuItemId: NAAN, name: 'Garlic Naan', priceCents: 399 },
  ],
  ...overrides,
});

export const aCreateOrder = (overrides: Partial<Extract<OrderCommand, { type: 'CreateOrder' }>['data']> = {}): OrderCommand => ({
  type: 'CreateOrder',
  data: {
    orderId: ORDER_ID,
    consumerId: CONSUMER_ID,
    restaurant: anOpenRestaurant(),
    lineItems: [
      { menuItemId: VINDALOO, quantity: 2 },
      { menuItemId: NAAN, quantity: 1 },
    ],
    deliveryAddress: { street1: '9 Elm Street', city: 'Oakland', zip: '94612' },
    ...overrides,
  },
});

export const orderDetails: OrderDetails = {
  orderId: ORDER_ID,
  consumerId: CONSUMER_ID,
  restaurantId: RESTAURANT_ID,
  lineItems: [
    { menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299, quantity: 2 },
    { menuItemId: NAAN, name: 'Garlic Naan', priceCents: 399, quantity: 1 },
  ],
  orderTotalCents: 2997,
  deliveryAddress: { street1: '9 Elm Street', city: 'Oakland', zip: '94612' },
};

export const orderCreated: OrderEvent = { type: 'OrderCreated', data: orderDetails };
export const orderParties = { orderId: ORDER_ID, consumerId: CONSUMER_ID, restaurantId: RESTAURANT_ID };
export const orderApproved: OrderEvent = { type: 'OrderApproved', data: { ...orderParties, orderTotalCents: 2997 } };
export const orderRejected = (reason = 'consumer: suspended'): OrderEvent => ({ type: 'OrderRejected', data: { ...orderParties, reason } });
export const orderPreparationStarted: OrderEvent = { type: 'OrderPreparationStarted', data: orderParties };
export const orderReadyForPickup: OrderEvent = { type: 'OrderReadyForPickup', data: orderParties };
export const orderPickedUp: OrderEvent = { type: 'OrderPickedUp', data: orderParties };
export const orderDelivered: OrderEvent = { type: 'OrderDelivered', data: orderParties };

export const orderCancelRequested: OrderEvent = { type: 'OrderCancelRequested', data: orderParties };
export const orderCancelled: OrderEvent = { type: 'OrderCancelled', data: orderParties };
export const orderCancelRefused = (reason = 'kitchen: ticket is PREPARING'): OrderEvent => ({ type: 'OrderCancelRefused', data: { ...orderParties, reason } });

/** The lines a revision asks for by default: three vindaloo and no naan (the contracts' example revision). */
export const revisedLines: OrderLine[] = [{ menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299, quantity: 3 }];

export const aRevision = (overrides: Partial<OrderRevision> = {}): OrderRevision => ({
  revision: 1,
  lineItems: revisedLines,
  orderTotalCents: 3897,
  ...overrides,
});

export const aProposeRevision = (overrides: Partial<Extract<OrderCommand, { type: 'ProposeRevision' }>['data']> = {}): OrderCommand => ({
  type: 'ProposeRevision',
  data: { orderId: ORDER_ID, restaurant: anOpenRestaurant(), lineItems: [{ menuItemId: VINDALOO, quantity: 3 }], ...overrides },
});

export const orderRevisionProposed = (revision: OrderRevision = aRevision()): OrderEvent => ({
  type: 'OrderRevisionProposed',
  data: { ...orderParties, ...revision },
});
export const orderRevised = (revision: OrderRevision = aRevision()): OrderEvent => ({ type: 'OrderRevised', data: { ...orderParties, ...revision } });
export const orderRevisionRejected = (revision = 1, reason = 'accounting: increase 900 exceeds available credit 500'): OrderEvent => ({
  type: 'OrderRevisionRejected',
  data: { ...orderParties, revision, reason },
});
