import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId } from './delivery-fields';

export const courierAvailabilityChangedV1Subject = 'delivery.courier.availability-changed.v1';

/** The courier is now on shift (`available: true`: may be assigned a delivery) or off it. */
export const courierAvailabilityChangedV1Schema = z.strictObject({
  courierId: uuid,
  available: z.boolean(),
});
export type CourierAvailabilityChangedV1 = z.infer<typeof courierAvailabilityChangedV1Schema>;

export const courierAvailabilityChangedV1 = defineContract<CourierAvailabilityChangedV1>(
  courierAvailabilityChangedV1Subject,
  courierAvailabilityChangedV1Schema,
  { courierId: exampleCourierId, available: true },
);
