import {
  restaurantClosedV1,
  restaurantClosedV1Subject,
  restaurantCreatedV1,
  restaurantCreatedV1Subject,
  restaurantMenuRevisedV1,
  restaurantMenuRevisedV1Subject,
  restaurantOpenedV1,
  restaurantOpenedV1Subject,
} from '@brigade/contracts/restaurants';
import { agreedStreamVersion, JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';

const REPLICA = { handler: 'restaurant-replica' };

/**
 * Keeps the restaurant replica, read by one durable `orders--restaurant-replica` so that a
 * restaurant's events apply in their stream order. A payload that breaks its contract throws a
 * ContractViolation, and one whose Brigade-Stream-Version header does not match its payload's
 * version a StreamVersionMismatchError: either is parked at once where an operator sees it,
 * never applied, never silently dropped.
 */
@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly replica: RestaurantReplica) {}

  @EventPattern(restaurantCreatedV1Subject, REPLICA)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const created = restaurantCreatedV1.parse(payload);
    await this.replica.created(created, agreedStreamVersion(ctx, created.version));
  }

  @EventPattern(restaurantMenuRevisedV1Subject, REPLICA)
  async onMenuRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, menu, version } = restaurantMenuRevisedV1.parse(payload);
    await this.replica.menuRevised(restaurantId, menu, agreedStreamVersion(ctx, version));
  }

  @EventPattern(restaurantOpenedV1Subject, REPLICA)
  async onOpened(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, version } = restaurantOpenedV1.parse(payload);
    await this.replica.openChanged(restaurantId, true, agreedStreamVersion(ctx, version));
  }

  @EventPattern(restaurantClosedV1Subject, REPLICA)
  async onClosed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, version } = restaurantClosedV1.parse(payload);
    await this.replica.openChanged(restaurantId, false, agreedStreamVersion(ctx, version));
  }
}
