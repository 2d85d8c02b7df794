import { Query } from '@nestjs/cqrs';
import type { CourierView } from './courier.view';

export class GetCourier extends Query<CourierView> {
  constructor(readonly courierId: string) {
    super();
  }
}
