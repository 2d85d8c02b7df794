import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderNotFoundError } from '../../domain/order-history.errors';
import { OrderStatuses } from '../../projections/order-status/order-status';
import { OrderStatusCache } from '../../projections/order-status/order-status-cache';
import { assertMaySeeOrder } from '../order-access/assert-may-see-order';
import { GetOrderStatus, ServedOrderStatus } from './get-order-status.query';

/**
 * Redis first; on a miss PostgreSQL, whose answer is then put into Redis for the next poll; when
 * Redis is down, failing or warming up, PostgreSQL alone. An order no event has mentioned -> 404
 * (not remembered in Redis: it may appear any moment). The order's consumer is stored beside its
 * status, in Redis as in PostgreSQL, so someone else's order is refused (403) from the same read.
 */
@QueryHandler(GetOrderStatus)
export class GetOrderStatusHandler implements IQueryHandler<GetOrderStatus> {
  constructor(
    private readonly cache: OrderStatusCache,
    private readonly statuses: OrderStatuses,
  ) {}

  async execute({ orderId, actor }: GetOrderStatus): Promise<ServedOrderStatus> {
    const cached = await this.cache.read(orderId);
    if (cached.found === 'hit') {
      assertMaySeeOrder(actor, orderId, cached.owned.consumerId);
      return { status: cached.owned.status, servedFrom: 'redis' };
    }
    const owned = await this.statuses.find(orderId);
    if (!owned) throw new OrderNotFoundError(orderId);
    if (cached.found === 'miss') this.cache.populate(owned, cached.generation, cached.viewVersion);
    assertMaySeeOrder(actor, orderId, owned.consumerId);
    return { status: owned.status, servedFrom: 'postgres' };
  }
}
