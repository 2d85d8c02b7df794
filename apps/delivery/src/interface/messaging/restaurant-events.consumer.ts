import { restaurantCreatedV1, restaurantCreatedV1Subject } from '@brigade/contracts/restaurants';
import { agreedStreamVersion, JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';

/**
 * Feeds the restaurant replica (durable `delivery--restaurant-replica`). Only created.v1 carries
 * the address, so it is the one subject this durable reads. A payload that breaks its contract
 * is not a business answer: parked for an operator, never silently dropped. So is a message whose
 * Brigade-Stream-Version header does not match its payload's version (agreedStreamVersion).
 */
@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly replica: RestaurantReplica) {}

  @EventPattern(restaurantCreatedV1Subject, { handler: 'restaurant-replica' })
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const created = restaurantCreatedV1.parse(payload);
    await this.replica.created(created, agreedStreamVersion(ctx, created.version));
  }
}
