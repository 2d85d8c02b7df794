import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const OrderErrorCodes = {
  NotFound: 'ORDERS.ORDER.NOT_FOUND',
  AlreadyExists: 'ORDERS.ORDER.ALREADY_EXISTS',
  AlreadyDecided: 'ORDERS.ORDER.ALREADY_DECIDED',
  NotCancellable: 'ORDERS.ORDER.NOT_CANCELLABLE',
  NotRevisable: 'ORDERS.ORDER.NOT_REVISABLE',
  NotInFulfilment: 'ORDERS.ORDER.NOT_IN_FULFILMENT',
  NoLines: 'ORDERS.ORDER.NO_LINE_ITEMS',
  InvalidQuantity: 'ORDERS.ORDER.INVALID_QUANTITY',
  RestaurantClosed: 'ORDERS.RESTAURANT.CLOSED',
  UnknownMenuItem: 'ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM',
  RestaurantNotFound: 'ORDERS.RESTAURANT.NOT_FOUND',
  UnknownSaga: 'ORDERS.SAGA.UNKNOWN',
  MismatchedMessage: 'ORDERS.ORDER.MISMATCHED_MESSAGE',
} as const;

export const MAX_QUANTITY = 100;

export class OrderNotFoundError extends DomainError {
  constructor(orderId: string) {
    super(OrderErrorCodes.NotFound, 'not-found', `Order ${orderId} does not exist`, { orderId });
  }
}

export class OrderAlreadyExistsError extends DomainError {
  constructor(orderId: string) {
    super(OrderErrorCodes.AlreadyExists, 'conflict', `Order ${orderId} already exists`, { orderId });
  }
}

/** The saga decides once; a contradicting decision is a bug in the caller, refused loudly. */
export class OrderAlreadyDecidedError extends DomainError {
  constructor(orderId: string, state: string) {
    super(OrderErrorCodes.AlreadyDecided, 'conflict', `Order ${orderId} is already ${state}`, { orderId, state });
  }
}

/** Only an APPROVED order, with no change pending, can be cancelled: the kitchen has not started on it. */
export class OrderNotCancellableError extends DomainError {
  constructor(orderId: string, state: string) {
    super(OrderErrorCodes.NotCancellable, 'conflict', `Order ${orderId} is ${state}: only an APPROVED order can be cancelled`, { orderId, state });
  }
}

/** Only an APPROVED order, with no change pending, can be revised. */
export class OrderNotRevisableError extends DomainError {
  constructor(orderId: string, state: string) {
    super(OrderErrorCodes.NotRevisable, 'conflict', `Order ${orderId} is ${state}: only an APPROVED order can be revised`, { orderId, state });
  }
}

/** Fulfilment is mirrored for approved orders only: anything else is a message out of place. */
export class OrderNotInFulfilmentError extends DomainError {
  constructor(orderId: string, state: string, step: string) {
    super(OrderErrorCodes.NotInFulfilment, 'conflict', `Order ${orderId} is ${state}: it cannot become ${step}`, { orderId, state, step });
  }
}

/** An answer for a saga that never started (a bug, or a forged message): refused, never guessed at. */
export class UnknownSagaError extends DomainError {
  constructor(saga: string, orderId: string) {
    super(OrderErrorCodes.UnknownSaga, 'not-found', `No ${saga} saga for order ${orderId}`, { saga, orderId });
  }
}

/**
 * A message about an order (a saga's verdict or answer, a fulfilment step) naming another consumer,
 * restaurant or amount than the order's: forged, or meant for another order. Not a DomainError, which a consumer records and acks as a business answer:
 * `retryable: false` makes the consumer park the message at once with this reason, where an
 * operator sees it, and nothing of it is applied.
 */
export class MismatchedMessageError extends Error {
  readonly code = OrderErrorCodes.MismatchedMessage;
  readonly retryable = false;
  /** `context`: what the message was taken for (`the CreateOrder saga`, `fulfilment`). */
  constructor(
    readonly context: string,
    readonly orderId: string,
    readonly participant: string,
    readonly contradictions: readonly string[],
  ) {
    super(`${participant}'s message for ${context} of order ${orderId} is not about that order: ${contradictions.join('; ')}`);
    this.name = 'MismatchedMessageError';
  }
}

/** The replica has never heard of the restaurant (unknown id, or restaurants' event not here yet). */
export class RestaurantNotKnownError extends DomainError {
  constructor(restaurantId: string) {
    super(OrderErrorCodes.RestaurantNotFound, 'not-found', `Restaurant ${restaurantId} is not known to orders`, { restaurantId });
  }
}

export class NoLineItemsError extends DomainError {
  constructor() {
    super(OrderErrorCodes.NoLines, 'rule', 'An order needs at least one line item');
  }
}

export class InvalidQuantityError extends DomainError {
  constructor(menuItemId: string, quantity: number) {
    super(OrderErrorCodes.InvalidQuantity, 'rule', `Quantity of ${menuItemId} must be a whole number from 1 to ${MAX_QUANTITY}, not ${quantity}`, {
      menuItemId,
      quantity,
    });
  }
}

export class RestaurantClosedError extends DomainError {
  constructor(restaurantId: string) {
    super(OrderErrorCodes.RestaurantClosed, 'rule', `Restaurant ${restaurantId} is closed`, { restaurantId });
  }
}

export class UnknownMenuItemError extends DomainError {
  constructor(restaurantId: string, menuItemId: string) {
    super(OrderErrorCodes.UnknownMenuItem, 'rule', `Restaurant ${restaurantId} has no menu item ${menuItemId}`, { restaurantId, menuItemId });
  }
}
