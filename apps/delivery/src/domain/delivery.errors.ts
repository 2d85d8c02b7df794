import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const DeliveryErrorCodes = {
  NotFound: 'DELIVERY.DELIVERY.NOT_FOUND',
  NoCourier: 'DELIVERY.DELIVERY.NO_COURIER',
  NotReadyForPickup: 'DELIVERY.DELIVERY.NOT_READY_FOR_PICKUP',
  NotPickedUp: 'DELIVERY.DELIVERY.NOT_PICKED_UP',
  IllegalTransition: 'DELIVERY.DELIVERY.ILLEGAL_TRANSITION',
} as const;

export class DeliveryNotFoundError extends DomainError {
  constructor(orderId: string) {
    super(DeliveryErrorCodes.NotFound, 'not-found', `There is no delivery for order ${orderId}`, { orderId });
  }
}

export class NoCourierError extends DomainError {
  constructor(orderId: string) {
    super(DeliveryErrorCodes.NoCourier, 'conflict', `The delivery of order ${orderId} has no courier yet`, { orderId, state: 'PENDING' });
  }
}

export class NotReadyForPickupError extends DomainError {
  constructor(orderId: string) {
    super(DeliveryErrorCodes.NotReadyForPickup, 'conflict', `The food of order ${orderId} is not ready for pickup yet`, { orderId, state: 'ASSIGNED' });
  }
}

export class NotPickedUpError extends DomainError {
  constructor(orderId: string, state: string) {
    super(DeliveryErrorCodes.NotPickedUp, 'conflict', `The delivery of order ${orderId} cannot be delivered before it is picked up: it is ${state}`, {
      orderId,
      state,
    });
  }
}

export class IllegalDeliveryTransitionError extends DomainError {
  constructor(orderId: string, state: string, action: string) {
    super(DeliveryErrorCodes.IllegalTransition, 'conflict', `The delivery of order ${orderId} cannot ${action}: it is ${state}`, { orderId, state });
  }
}
