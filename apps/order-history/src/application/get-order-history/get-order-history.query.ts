import { Query } from '@nestjs/cqrs';
import type { OrderHistoryView } from '../../projections/order-view/order-history.view';

export class GetOrderHistory extends Query<OrderHistoryView> {
  constructor(readonly orderId: string) {
    super();
  }
}
