import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { GetOrder } from './get-order.query';
import { OrderView, toOrderView } from './order.view';

/** Served from the order's own short stream: no read model to lag behind. Unknown ids -> 404. */
@QueryHandler(GetOrder)
export class GetOrderHandler implements IQueryHandler<GetOrder> {
  constructor(private readonly orders: OrderCommandRunner) {}

  async execute({ orderId }: GetOrder): Promise<OrderView> {
    const { state, streamVersion } = await this.orders.load(orderId);
    return toOrderView(orderId, state, streamVersion);
  }
}
