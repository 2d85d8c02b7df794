import { restaurantCreatedV1, restaurantCreatedV1Subject } from '@brigade/contracts/restaurants';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';

/**
 * Feeds the restaurant replica (durable `delivery--restaurant-replica`). Only created.v1 carries
 * the address, so it is the one subject this durable reads. A payload that breaks its contract
 * is not a business answer: parked for an operator, never silently dropped.
 */
@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly replica: RestaurantReplica) {}

  @EventPattern(restaurantCreatedV1Subject, { handler: 'restaurant-replica' })
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.created(restaurantCreatedV1.parse(payload), ctx.streamVersion);
  }
}
