import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderView } from '../../projections/order-view/order-view';
import { prefixQuery } from '../full-text/prefix-query';
import { ListConsumerOrders, OrderPage } from './list-consumer-orders.query';
import { decodeCursor, encodeCursor } from './order-cursor';

/**
 * Keyset pagination: one more order than the page holds is read, to know whether a next page
 * exists; the cursor is the last shown order's key, so orders placed meanwhile never shift pages.
 */
@QueryHandler(ListConsumerOrders)
export class ListConsumerOrdersHandler implements IQueryHandler<ListConsumerOrders> {
  constructor(private readonly orders: OrderView) {}

  async execute({ consumerId, page }: ListConsumerOrders): Promise<OrderPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    // The request DTO has refused both already; a miss here is a bug, not a client error.
    if (after === null) throw new Error('an invalid cursor passed validation');
    const tsquery = page.q === undefined ? undefined : prefixQuery(page.q);
    if (tsquery === null) throw new Error('a search without words passed validation');
    const entries = await this.orders.ofConsumer(consumerId, { state: page.state, tsquery, after, limit: page.limit + 1 });
    const shown = entries.slice(0, page.limit);
    const more = entries.length > page.limit;
    return { items: shown.map((entry) => entry.summary), nextCursor: more ? encodeCursor(shown[shown.length - 1].key) : null };
  }
}
