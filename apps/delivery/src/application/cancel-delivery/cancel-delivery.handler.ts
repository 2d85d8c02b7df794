import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { DeliveryTransaction } from '../../infrastructure/delivery-transaction';
import { ReleaseCourier } from '../release-courier/release-courier.command';
import { ReleaseCourierHandler } from '../release-courier/release-courier.handler';
import { CancelDelivery } from './cancel-delivery.command';

/** The delivery and its courier change in one transaction; an order delivery never heard of changes nothing. */
@CommandHandler(CancelDelivery)
export class CancelDeliveryHandler implements ICommandHandler<CancelDelivery> {
  constructor(
    private readonly transaction: DeliveryTransaction,
    private readonly deliveries: DeliveryCommandRunner,
    private readonly release: ReleaseCourierHandler,
  ) {}

  async execute({ orderId, metadata }: CancelDelivery): Promise<void> {
    await this.transaction.run(async () => {
      const { events } = await this.deliveries.run(orderId, { type: 'CancelDelivery', data: { orderId } }, metadata);
      for (const event of events) {
        if (event.type === 'DeliveryCancelled' && event.data.courierId) await this.release.execute(new ReleaseCourier(event.data.courierId, orderId, metadata));
      }
    });
  }
}
