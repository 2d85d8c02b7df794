import { Query } from '@nestjs/cqrs';
import type { OrderView } from './order.view';

export class GetOrder extends Query<OrderView> {
  constructor(readonly orderId: string) {
    super();
  }
}
