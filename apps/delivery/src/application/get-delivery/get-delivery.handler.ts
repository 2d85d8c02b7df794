import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { DeliveryView, toDeliveryView } from './delivery.view';
import { GetDelivery } from './get-delivery.query';

/** Served from the delivery's own short stream: always current. An order without a delivery -> 404. */
@QueryHandler(GetDelivery)
export class GetDeliveryHandler implements IQueryHandler<GetDelivery> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ orderId }: GetDelivery): Promise<DeliveryView> {
    const { state, streamVersion } = await this.deliveries.load(orderId);
    return toDeliveryView(orderId, state, streamVersion);
  }
}
