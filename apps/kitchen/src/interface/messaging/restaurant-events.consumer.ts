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

/** One handler group: one durable `kitchen--restaurant-replica`, so each restaurant's events apply in order. */
const REPLICA = { handler: 'restaurant-replica' };

/**
 * Feeds the kitchen's restaurant replica. Payloads are checked against their contract first: a
 * payload that breaks it is not a business answer, it is parked for an operator. So is a message
 * whose Brigade-Stream-Version header does not match its payload's version (agreedStreamVersion):
 * a header alone never moves the replica's version guard.
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
