import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderNotFoundError } from '../../domain/order-history.errors';
import type { OrderHistoryView } from '../../projections/order-view/order-history.view';
import { OrderView } from '../../projections/order-view/order-view';
import { assertMaySeeOrder } from '../order-access/assert-may-see-order';
import { GetOrderHistory } from './get-order-history.query';

/** Served from the view alone; an order no event has mentioned yet -> 404; someone else's -> 403. */
@QueryHandler(GetOrderHistory)
export class GetOrderHistoryHandler implements IQueryHandler<GetOrderHistory> {
  constructor(private readonly orders: OrderView) {}

  async execute({ orderId, actor }: GetOrderHistory): Promise<OrderHistoryView> {
    const order = await this.orders.find(orderId);
    if (!order) throw new OrderNotFoundError(orderId);
    assertMaySeeOrder(actor, orderId, order.consumerId);
    return order;
  }
}
