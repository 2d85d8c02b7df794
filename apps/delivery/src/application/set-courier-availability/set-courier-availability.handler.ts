import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isFree } from '../../domain/courier.state';
import { CourierCommandRunner } from '../../infrastructure/courier-command-runner';
import { DeliveryTransaction } from '../../infrastructure/delivery-transaction';
import { AssignCourier } from '../assign-courier/assign-courier.command';
import { AssignCourierHandler } from '../assign-courier/assign-courier.handler';
import { CourierView, toCourierView } from '../get-courier/courier.view';
import { SetCourierAvailability } from './set-courier-availability.command';

/**
 * A courier free after the change takes the delivery that has waited longest, in the same
 * transaction; the answer shows it. (A repeat of "available" on a free courier looks again too.)
 */
@CommandHandler(SetCourierAvailability)
export class SetCourierAvailabilityHandler implements ICommandHandler<SetCourierAvailability> {
  constructor(
    private readonly transaction: DeliveryTransaction,
    private readonly couriers: CourierCommandRunner,
    private readonly assign: AssignCourierHandler,
  ) {}

  async execute({ courierId, available, metadata }: SetCourierAvailability): Promise<CourierView> {
    await this.transaction.run(async () => {
      const { state } = await this.couriers.run(courierId, { type: 'SetAvailability', data: { courierId, available } }, metadata);
      if (isFree(state)) await this.assign.execute(new AssignCourier({ type: 'FindDelivery', data: { courierId } }, metadata));
    });
    const { state, streamVersion } = await this.couriers.load(courierId);
    return toCourierView(courierId, state, streamVersion);
  }
}
