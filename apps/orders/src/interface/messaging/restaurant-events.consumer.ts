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

const REPLICA = { handler: 'restaurant-replica' };

/**
 * Keeps the restaurant replica, read by one durable `orders--restaurant-replica` so that a
 * restaurant's events apply in their stream order. A payload that breaks its contract throws a
 * ContractViolation: parked at once where an operator sees it, never silently dropped.
 */
@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly replica: RestaurantReplica) {}

  @EventPattern(restaurantCreatedV1Subject, REPLICA)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.created(restaurantCreatedV1.parse(payload), versionOf(ctx));
  }

  @EventPattern(restaurantMenuRevisedV1Subject, REPLICA)
  async onMenuRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, menu } = restaurantMenuRevisedV1.parse(payload);
    await this.replica.menuRevised(restaurantId, menu, versionOf(ctx));
  }

  @EventPattern(restaurantOpenedV1Subject, REPLICA)
  async onOpened(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.openChanged(restaurantOpenedV1.parse(payload).restaurantId, true, versionOf(ctx));
  }

  @EventPattern(restaurantClosedV1Subject, REPLICA)
  async onClosed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.replica.openChanged(restaurantClosedV1.parse(payload).restaurantId, false, versionOf(ctx));
  }
}

/** The restaurant's stream version (relay header): what keeps an old event from undoing a newer one. */
function versionOf(ctx: JetStreamContext): number {
  if (ctx.streamVersion === null) throw new Error(`Event ${ctx.eventId} on ${ctx.subject} carries no stream version`);
  return ctx.streamVersion;
}
