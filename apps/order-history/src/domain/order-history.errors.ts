import { DomainError } from '@brigade/domain';

export const OrderHistoryErrorCodes = {
  OrderNotFound: 'ORDER_HISTORY.ORDER.NOT_FOUND',
} as const;

/** No event about this order has reached the query side (it may not exist, or not yet). */
export class OrderNotFoundError extends DomainError {
  constructor(orderId: string) {
    super(OrderHistoryErrorCodes.OrderNotFound, 'not-found', `No order ${orderId} in the order history`, { orderId });
  }
}
