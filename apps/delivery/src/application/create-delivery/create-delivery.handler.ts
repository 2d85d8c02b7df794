import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { awaitsCourier } from '../../domain/delivery.state';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { DeliveryTransaction } from '../../infrastructure/delivery-transaction';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { AssignCourier } from '../assign-courier/assign-courier.command';
import { AssignCourierHandler } from '../assign-courier/assign-courier.handler';
import { CreateDelivery } from './create-delivery.command';

/**
 * The pickup address comes from the restaurant replica. When the kitchen's acceptance overtook
 * the approval, the new delivery needs a courier at once: looked for in the same transaction.
 */
@CommandHandler(CreateDelivery)
export class CreateDeliveryHandler implements ICommandHandler<CreateDelivery> {
  constructor(
    private readonly transaction: DeliveryTransaction,
    private readonly deliveries: DeliveryCommandRunner,
    private readonly restaurants: RestaurantReplica,
    private readonly assign: AssignCourierHandler,
  ) {}

  async execute({ order: { orderId, restaurantId }, metadata }: CreateDelivery): Promise<void> {
    await this.transaction.run(async () => {
      const pickupAddress = await this.restaurants.pickupAddress(restaurantId);
      const { state } = await this.deliveries.run(orderId, { type: 'CreateDelivery', data: { orderId, restaurantId, pickupAddress } }, metadata);
      if (awaitsCourier(state)) await this.assign.execute(new AssignCourier({ type: 'FindCourier', data: { orderId } }, metadata));
    });
  }
}
