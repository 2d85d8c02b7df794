import { Query } from '@nestjs/cqrs';
import type { OrderStatus, StatusSource } from '../../projections/order-status/order-status';

export interface ServedOrderStatus {
  readonly status: OrderStatus;
  readonly servedFrom: StatusSource;
}

export class GetOrderStatus extends Query<ServedOrderStatus> {
  constructor(readonly orderId: string) {
    super();
  }
}
