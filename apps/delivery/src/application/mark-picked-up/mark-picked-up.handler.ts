import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { assertMayActOnDelivery } from '../get-delivery/delivery-access';
import { DeliveryView, toDeliveryView } from '../get-delivery/delivery.view';
import { MarkPickedUp } from './mark-picked-up.command';

/** Only the delivery's courier (or an admin) picks it up. */
@CommandHandler(MarkPickedUp)
export class MarkPickedUpHandler implements ICommandHandler<MarkPickedUp> {
  constructor(private readonly deliveries: DeliveryCommandRunner) {}

  async execute({ orderId, metadata }: MarkPickedUp): Promise<DeliveryView> {
    assertMayActOnDelivery(metadata.actor, orderId, (await this.deliveries.load(orderId)).state);
    const { state, streamVersion } = await this.deliveries.run(orderId, { type: 'PickUp', data: { orderId } }, metadata);
    return toDeliveryView(orderId, state, streamVersion);
  }
}
