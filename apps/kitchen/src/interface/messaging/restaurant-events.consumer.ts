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
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';

/** One handler group: one durable `kitchen--restaurant-replica`, so each restaurant's events apply in order. */
const REPLICA = { handler: 'restaurant-replica' };

/**
 * Feeds the kitchen's restaurant replica. Payloads are checked against their contract first: a
 * payload that breaks it is not a business answer, it is retried and then parked for an operator.
 */
@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly replica: RestaurantReplica) {}

  @EventPattern(restaurantCreatedV1Subject, REPLICA)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.created(restaurantCreatedV1.parse(payload), ctx.streamVersion);
  }

  @EventPattern(restaurantMenuRevisedV1Subject, REPLICA)
  async onMenuRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, menu } = restaurantMenuRevisedV1.parse(payload);
    await this.replica.menuRevised(restaurantId, menu, ctx.streamVersion);
  }

  @EventPattern(restaurantOpenedV1Subject, REPLICA)
  async onOpened(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.openChanged(restaurantOpenedV1.parse(payload).restaurantId, true, ctx.streamVersion);
  }

  @EventPattern(restaurantClosedV1Subject, REPLICA)
  async onClosed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.openChanged(restaurantClosedV1.parse(payload).restaurantId, false, ctx.streamVersion);
  }
}
