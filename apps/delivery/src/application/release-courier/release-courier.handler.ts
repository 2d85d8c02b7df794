import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isFree } from '../../domain/courier.state';
import { CourierCommandRunner } from '../../infrastructure/courier-command-runner';
import { AssignCourier } from '../assign-courier/assign-courier.command';
import { AssignCourierHandler } from '../assign-courier/assign-courier.handler';
import { ReleaseCourier } from './release-courier.command';

/** A courier still on shift takes the delivery that has waited longest, in the same transaction. */
@CommandHandler(ReleaseCourier)
export class ReleaseCourierHandler implements ICommandHandler<ReleaseCourier> {
  constructor(
    private readonly couriers: CourierCommandRunner,
    private readonly assign: AssignCourierHandler,
  ) {}

  async execute({ courierId, orderId, metadata }: ReleaseCourier): Promise<void> {
    const { state } = await this.couriers.run(courierId, { type: 'ReleaseDelivery', data: { courierId, orderId } }, metadata);
    if (isFree(state)) await this.assign.execute(new AssignCourier({ type: 'FindDelivery', data: { courierId } }, metadata));
  }
}
