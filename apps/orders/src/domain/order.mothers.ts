import { OrderCommand, OrderDetails, OrderEvent } from './order.decider';
import { RestaurantSnapshot } from './order.types';

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
const parties = { orderId: ORDER_ID, consumerId: CONSUMER_ID, restaurantId: RESTAURANT_ID };
export const orderApproved: OrderEvent = { type: 'OrderApproved', data: { ...parties, orderTotalCents: 2997 } };
export const orderRejected = (reason = 'consumer: suspended'): OrderEvent => ({ type: 'OrderRejected', data: { ...parties, reason } });
export const orderPreparationStarted: OrderEvent = { type: 'OrderPreparationStarted', data: parties };
export const orderReadyForPickup: OrderEvent = { type: 'OrderReadyForPickup', data: parties };
