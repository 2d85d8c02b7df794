import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderNotFoundError } from '../../domain/order-history.errors';
import { OrderStatuses } from '../../projections/order-status/order-status';
import { OrderStatusCache } from '../../projections/order-status/order-status-cache';
import { GetOrderStatus, ServedOrderStatus } from './get-order-status.query';

/**
 * Redis first; on a miss PostgreSQL, whose answer is then put into Redis for the next poll; when
 * Redis is down, failing or warming up, PostgreSQL alone. An order no event has mentioned -> 404
 * (not remembered in Redis: it may appear any moment).
 */
@QueryHandler(GetOrderStatus)
export class GetOrderStatusHandler implements IQueryHandler<GetOrderStatus> {
  constructor(
    private readonly cache: OrderStatusCache,
    private readonly statuses: OrderStatuses,
  ) {}

  async execute({ orderId }: GetOrderStatus): Promise<ServedOrderStatus> {
    const cached = await this.cache.read(orderId);
    if (cached.found === 'hit') return { status: cached.status, servedFrom: 'redis' };
    const status = await this.statuses.find(orderId);
    if (!status) throw new OrderNotFoundError(orderId);
    if (cached.found === 'miss') this.cache.populate(status, cached.generation, cached.viewVersion);
    return { status, servedFrom: 'postgres' };
  }
}
