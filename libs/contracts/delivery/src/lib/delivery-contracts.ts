import { exampleOf } from '@brigade/contracts/core';
import { courierAvailabilityChangedV1, CourierAvailabilityChangedV1 } from './courier-availability-changed.v1';
import { courierRegisteredV1, CourierRegisteredV1 } from './courier-registered.v1';
import { deliveryCancelledV1, DeliveryCancelledV1 } from './delivery-cancelled.v1';
import { deliveryCourierAssignedV1, DeliveryCourierAssignedV1 } from './delivery-courier-assigned.v1';
import { deliveryCreatedV1, DeliveryCreatedV1 } from './delivery-created.v1';
import { deliveryDeliveredV1, DeliveryDeliveredV1 } from './delivery-delivered.v1';
import { deliveryPickedUpV1, DeliveryPickedUpV1 } from './delivery-picked-up.v1';

/** Every contract this context publishes. */
export const deliveryContracts = [
  courierRegisteredV1,
  courierAvailabilityChangedV1,
  deliveryCreatedV1,
  deliveryCourierAssignedV1,
  deliveryPickedUpV1,
  deliveryDeliveredV1,
  deliveryCancelledV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const aCourierRegisteredV1 = (overrides: Partial<CourierRegisteredV1> = {}): CourierRegisteredV1 => exampleOf(courierRegisteredV1, overrides);
export const aCourierAvailabilityChangedV1 = (overrides: Partial<CourierAvailabilityChangedV1> = {}): CourierAvailabilityChangedV1 =>
  exampleOf(courierAvailabilityChangedV1, overrides);
export const aDeliveryCreatedV1 = (overrides: Partial<DeliveryCreatedV1> = {}): DeliveryCreatedV1 => exampleOf(deliveryCreatedV1, overrides);
export const aDeliveryCourierAssignedV1 = (overrides: Partial<DeliveryCourierAssignedV1> = {}): DeliveryCourierAssignedV1 =>
  exampleOf(deliveryCourierAssignedV1, overrides);
export const aDeliveryPickedUpV1 = (overrides: Partial<DeliveryPickedUpV1> = {}): DeliveryPickedUpV1 => exampleOf(deliveryPickedUpV1, overrides);
export const aDeliveryDeliveredV1 = (overrides: Partial<DeliveryDeliveredV1> = {}): DeliveryDeliveredV1 => exampleOf(deliveryDeliveredV1, overrides);
export const aDeliveryCancelledV1 = (overrides: Partial<DeliveryCancelledV1> = {}): DeliveryCancelledV1 => exampleOf(deliveryCancelledV1, overrides);
