import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const OrderErrorCodes = {
  NotFound: 'ORDERS.ORDER.NOT_FOUND',
  AlreadyExists: 'ORDERS.ORDER.ALREADY_EXISTS',
  AlreadyDecided: 'ORDERS.ORDER.ALREADY_DECIDED',
  NotPreparable: 'ORDERS.ORDER.NOT_PREPARABLE',
  NotPreparing: 'ORDERS.ORDER.NOT_PREPARING',
  NoLines: 'ORDERS.ORDER.NO_LINE_ITEMS',
  InvalidQuantity: 'ORDERS.ORDER.INVALID_QUANTITY',
  RestaurantClosed: 'ORDERS.RESTAURANT.CLOSED',
  UnknownMenuItem: 'ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM',
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

/** The kitchen starts preparing approved orders only: anything else is a message out of place. */
export class OrderNotPreparableError extends DomainError {
  constructor(orderId: string, state: string) {
    super(OrderErrorCodes.NotPreparable, 'conflict', `Order ${orderId} is ${state}: only an APPROVED order can be prepared`, { orderId, state });
  }
}

/** Only an order being prepared can become ready for pickup. */
export class OrderNotPreparingError extends DomainError {
  constructor(orderId: string, state: string) {
    super(OrderErrorCodes.NotPreparing, 'conflict', `Order ${orderId} is ${state}: only a PREPARING order can be ready for pickup`, { orderId, state });
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
