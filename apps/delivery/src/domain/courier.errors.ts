import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const CourierErrorCodes = {
  NotFound: 'DELIVERY.COURIER.NOT_FOUND',
  AlreadyRegistered: 'DELIVERY.COURIER.ALREADY_REGISTERED',
  Unavailable: 'DELIVERY.COURIER.UNAVAILABLE',
  Busy: 'DELIVERY.COURIER.BUSY',
} as const;

export class CourierNotFoundError extends DomainError {
  constructor(courierId: string) {
    super(CourierErrorCodes.NotFound, 'not-found', `There is no courier ${courierId}`, { courierId });
  }
}

export class CourierAlreadyRegisteredError extends DomainError {
  constructor(courierId: string) {
    super(CourierErrorCodes.AlreadyRegistered, 'conflict', `Courier ${courierId} is already registered`, { courierId });
  }
}

export class CourierUnavailableError extends DomainError {
  constructor(courierId: string, orderId: string) {
    super(CourierErrorCodes.Unavailable, 'conflict', `Courier ${courierId} is off shift and cannot take the delivery of order ${orderId}`, { courierId, orderId });
  }
}

export class CourierBusyError extends DomainError {
  constructor(courierId: string, orderId: string, carrying: string) {
    super(CourierErrorCodes.Busy, 'conflict', `Courier ${courierId} already carries the delivery of order ${carrying}, not ${orderId}`, {
      courierId,
      orderId,
      carrying,
    });
  }
}
