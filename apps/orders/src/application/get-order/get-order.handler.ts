import { assertMayActOn } from '@brigade/auth';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrderCommandRunner } from '../../infrastructure/order-command-runner';
import { GetOrder } from './get-order.query';
import { OrderView, toOrderView } from './order.view';

/**
 * Served from the order's own short stream: no read model to lag behind. Unknown ids -> 404;
 * someone else's order -> 403 (checked once the order is known, so 404 and 403 never mix).
 */
@QueryHandler(GetOrder)
export class GetOrderHandler implements IQueryHandler<GetOrder> {
  constructor(private readonly orders: OrderCommandRunner) {}

  async execute({ orderId, actor }: GetOrder): Promise<OrderView> {
    const { state, streamVersion } = await this.orders.load(orderId);
    const view = toOrderView(orderId, state, streamVersion);
    assertMayActOn(actor, { consumer: view.consumerId });
    return view;
  }
}
