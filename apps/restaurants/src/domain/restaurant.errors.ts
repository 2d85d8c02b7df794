import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const RestaurantErrorCodes = {
  NotFound: 'RESTAURANTS.RESTAURANT.NOT_FOUND',
  AlreadyExists: 'RESTAURANTS.RESTAURANT.ALREADY_EXISTS',
  AlreadyOpen: 'RESTAURANTS.RESTAURANT.ALREADY_OPEN',
  AlreadyClosed: 'RESTAURANTS.RESTAURANT.ALREADY_CLOSED',
  InvalidName: 'RESTAURANTS.RESTAURANT.INVALID_NAME',
  InvalidAddress: 'RESTAURANTS.RESTAURANT.INVALID_ADDRESS',
  EmptyMenu: 'RESTAURANTS.MENU.EMPTY',
  MenuTooLarge: 'RESTAURANTS.MENU.TOO_LARGE',
  DuplicateMenuItem: 'RESTAURANTS.MENU.DUPLICATE_ITEM',
  InvalidMenuItemName: 'RESTAURANTS.MENU.INVALID_ITEM_NAME',
  InvalidPrice: 'RESTAURANTS.MENU.INVALID_PRICE',
} as const;

export class RestaurantNotFoundError extends DomainError {
  constructor(restaurantId: string) {
    super(RestaurantErrorCodes.NotFound, 'not-found', `Restaurant ${restaurantId} does not exist`, { restaurantId });
  }
}

export class RestaurantAlreadyExistsError extends DomainError {
  constructor(restaurantId: string) {
    super(RestaurantErrorCodes.AlreadyExists, 'conflict', `Restaurant ${restaurantId} already exists`, { restaurantId });
  }
}

export class RestaurantAlreadyOpenError extends DomainError {
  constructor(restaurantId: string) {
    super(RestaurantErrorCodes.AlreadyOpen, 'conflict', `Restaurant ${restaurantId} is already open`, { restaurantId });
  }
}

export class RestaurantAlreadyClosedError extends DomainError {
  constructor(restaurantId: string) {
    super(RestaurantErrorCodes.AlreadyClosed, 'conflict', `Restaurant ${restaurantId} is already closed`, { restaurantId });
  }
}

/** A restaurant's name, address or menu breaks a rule; `field` is the path of the offending value. */
export class InvalidRestaurantError extends DomainError {
  constructor(code: string, field: string, message: string) {
    super(code, 'validation', message, { field });
  }
}
