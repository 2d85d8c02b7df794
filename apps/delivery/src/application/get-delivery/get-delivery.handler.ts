import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { assertMayActOnDelivery } from './delivery-access';
import { DeliveryView, toDeliveryView } from './delivery.view';
import { GetDelivery } from './get-delivery.query';

/** Served from the delivery's own short stream: always current. An order without a delivery -> 404; someone else's -> 403. */
@QueryHandler(GetDelivery)
export class GetDeliveryHandler implements IQueryHandler<GetDelivery> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ orderId, actor }: GetDelivery): Promise<DeliveryView> {
    const { state, streamVersion } = await this.deliveries.load(orderId);
    assertMayActOnDelivery(actor, orderId, state);
    return toDeliveryView(orderId, state, streamVersion);
  }
}
