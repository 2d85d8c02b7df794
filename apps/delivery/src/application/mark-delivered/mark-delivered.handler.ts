import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { DeliveryTransaction } from '../../infrastructure/delivery-transaction';
import { assertMayActOnDelivery } from '../get-delivery/delivery-access';
import { DeliveryView, toDeliveryView } from '../get-delivery/delivery.view';
import { ReleaseCourier } from '../release-courier/release-courier.command';
import { ReleaseCourierHandler } from '../release-courier/release-courier.handler';
import { MarkDelivered } from './mark-delivered.command';

/** Only the delivery's courier (or an admin) delivers it. The delivery, its courier and the courier's next delivery change in one transaction. */
@CommandHandler(MarkDelivered)
export class MarkDeliveredHandler implements ICommandHandler<MarkDelivered> {
  constructor(
    private readonly transaction: DeliveryTransaction,
    private readonly deliveries: DeliveryCommandRunner,
    private readonly release: ReleaseCourierHandler,
  ) {}

  async execute({ orderId, metadata }: MarkDelivered): Promise<DeliveryView> {
    assertMayActOnDelivery(metadata.actor, orderId, (await this.deliveries.load(orderId)).state);
    const { state, streamVersion } = await this.transaction.run(async () => {
      const outcome = await this.deliveries.run(orderId, { type: 'Deliver', data: { orderId } }, metadata);
      if (outcome.state.status === 'DELIVERED') await this.release.execute(new ReleaseCourier(outcome.state.courierId, orderId, metadata));
      return outcome;
    });
    return toDeliveryView(orderId, state, streamVersion);
  }
}
