import { z } from 'zod';

/** The context name: JetStream stream `DELIVERY` captures `delivery.>`. */
export const deliveryContext = 'delivery';

/** Where a delivery goes from (the restaurant's address) or to (the order's delivery address). */
export const deliveryAddressV1Schema = z.strictObject({
  street1: z.string().min(1),
  street2: z.string().min(1).optional(),
  city: z.string().min(1),
  zip: z.string().min(1),
});
export type DeliveryAddressV1 = z.infer<typeof deliveryAddressV1Schema>;

// Shared by every example so that fixtures of one delivery's life fit together (and with the orders/kitchen examples).
export const exampleOrderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
export const exampleConsumerId = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const exampleRestaurantId = '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01';
export const exampleCourierId = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01';
