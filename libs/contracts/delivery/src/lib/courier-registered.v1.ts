import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId } from './delivery-fields';

export const courierRegisteredV1Subject = 'delivery.courier.registered.v1';

/** A courier joined (not yet available). */
export const courierRegisteredV1Schema = z.strictObject({
  courierId: uuid,
  name: z.string().min(1),
});
export type CourierRegisteredV1 = z.infer<typeof courierRegisteredV1Schema>;

export const courierRegisteredV1 = defineContract<CourierRegisteredV1>(courierRegisteredV1Subject, courierRegisteredV1Schema, {
  courierId: exampleCourierId,
  name: 'Grace Hopper',
});
