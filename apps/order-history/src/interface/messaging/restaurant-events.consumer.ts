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
import { RestaurantDirectory } from '../../projections/restaurant-directory/restaurant-directory';
import { positionOf } from '../../projections/stream-position';

/** Durable `order-history--restaurants`: names, menus and open/closed, for orders and search. */
const RESTAURANTS = { handler: 'restaurants' };

@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly restaurants: RestaurantDirectory) {}

  @EventPattern(restaurantCreatedV1Subject, RESTAURANTS)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.created(restaurantCreatedV1.parse(payload), positionOf(ctx));
  }

  @EventPattern(restaurantMenuRevisedV1Subject, RESTAURANTS)
  async onMenuRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { restaurantId, menu } = restaurantMenuRevisedV1.parse(payload);
    await this.restaurants.menuRevised(restaurantId, menu, positionOf(ctx));
  }

  @EventPattern(restaurantOpenedV1Subject, RESTAURANTS)
  async onOpened(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.openChanged(restaurantOpenedV1.parse(payload).restaurantId, true, positionOf(ctx));
  }

  @EventPattern(restaurantClosedV1Subject, RESTAURANTS)
  async onClosed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.openChanged(restaurantClosedV1.parse(payload).restaurantId, false, positionOf(ctx));
  }
}
