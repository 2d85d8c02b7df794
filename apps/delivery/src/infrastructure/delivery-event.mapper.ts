import {
  CourierAvailabilityChangedV1,
  courierAvailabilityChangedV1Subject,
  CourierRegisteredV1,
  courierRegisteredV1Subject,
  DeliveryAddressV1,
  DeliveryCancelledV1,
  deliveryCancelledV1Subject,
  DeliveryCourierAssignedV1,
  deliveryCourierAssignedV1Subject,
  DeliveryCreatedV1,
  deliveryCreatedV1Subject,
  DeliveryDeliveredV1,
  deliveryDeliveredV1Subject,
  DeliveryPickedUpV1,
  deliveryPickedUpV1Subject,
} from '@brigade/contracts/delivery';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { CourierEvent } from '../domain/courier.events';
import type { Address, DeliveryEvent } from '../domain/delivery.events';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface DeliveryEventMapping {
  readonly subject: string;
  readonly payload:
    | CourierRegisteredV1
    | CourierAvailabilityChangedV1
    | DeliveryCreatedV1
    | DeliveryCourierAssignedV1
    | DeliveryPickedUpV1
    | DeliveryDeliveredV1
    | DeliveryCancelledV1;
}

/**
 * Internal event -> integration contract, field by field, for both aggregates of the context, so
 * nothing the domain keeps for itself leaks onto the wire. The delivery's notes of other
 * contexts' news and the courier's own record of what it carries are not published (null): the
 * Delivery's events say which courier has it. Pure: the relay may map an event again after a failure.
 */
export function mapDeliveryEvent(stored: StoredEvent): DeliveryEventMapping | null {
  const event = { type: stored.type, data: stored.data } as CourierEvent | DeliveryEvent;
  switch (event.type) {
    case 'CourierRegistered': {
      const payload: CourierRegisteredV1 = { courierId: event.data.courierId, name: event.data.name };
      return { subject: courierRegisteredV1Subject, payload };
    }
    case 'CourierAvailabilityChanged': {
      const payload: CourierAvailabilityChangedV1 = { courierId: event.data.courierId, available: event.data.available };
      return { subject: courierAvailabilityChangedV1Subject, payload };
    }
    case 'DeliveryCreated': {
      const { orderId, consumerId, restaurantId, pickupAddress, deliveryAddress } = event.data;
      const payload: DeliveryCreatedV1 = { orderId, consumerId, restaurantId, pickupAddress: addressOf(pickupAddress), deliveryAddress: addressOf(deliveryAddress) };
      return { subject: deliveryCreatedV1Subject, payload };
    }
    case 'DeliveryCourierAssigned': {
      const { orderId, restaurantId, courierId, readyBy } = event.data;
      const payload: DeliveryCourierAssignedV1 = { orderId, restaurantId, courierId, readyBy };
      return { subject: deliveryCourierAssignedV1Subject, payload };
    }
    case 'DeliveryPickedUp': {
      const { orderId, restaurantId, courierId } = event.data;
      const payload: DeliveryPickedUpV1 = { orderId, restaurantId, courierId };
      return { subject: deliveryPickedUpV1Subject, payload };
    }
    case 'DeliveryDelivered': {
      const { orderId, restaurantId, courierId } = event.data;
      const payload: DeliveryDeliveredV1 = { orderId, restaurantId, courierId };
      return { subject: deliveryDeliveredV1Subject, payload };
    }
    case 'DeliveryCancelled': {
      const { orderId, restaurantId, courierId } = event.data;
      const payload: DeliveryCancelledV1 = { orderId, restaurantId, courierId };
      return { subject: deliveryCancelledV1Subject, payload };
    }
    case 'CourierDeliveryAssigned':
    case 'CourierDeliveryReleased':
    case 'OrderNoted':
    case 'OrderWithdrawn':
    case 'TicketAcceptanceNoted':
    case 'TicketReadinessNoted':
      return null;
    default:
      return assertNever(event);
  }
}

function addressOf({ street1, street2, city, zip }: Address): DeliveryAddressV1 {
  return { street1, ...(street2 !== undefined ? { street2 } : {}), city, zip };
}
