import { Query } from '@nestjs/cqrs';
import type { DeliveryView } from './delivery.view';

export class GetDelivery extends Query<DeliveryView> {
  constructor(readonly orderId: string) {
    super();
  }
}
