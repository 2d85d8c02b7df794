import {
  restaurantClosedV1Subject,
  restaurantCreatedV1Subject,
  restaurantMenuRevisedV1Subject,
  restaurantOpenedV1Subject,
} from '@brigade/contracts/restaurants';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RestaurantDirectory } from '../../projections/restaurant-directory/restaurant-directory';

/** Durable `order-history--restaurants`: names, menus and open/closed, for orders and search. */
const RESTAURANTS = { handler: 'restaurants' };

@Controller()
export class RestaurantEventsConsumer {
  constructor(private readonly restaurants: RestaurantDirectory) {}

  @EventPattern(restaurantCreatedV1Subject, RESTAURANTS)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.applyEvent(ctx, payload);
  }

  @EventPattern(restaurantMenuRevisedV1Subject, RESTAURANTS)
  async onMenuRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.applyEvent(ctx, payload);
  }

  @EventPattern(restaurantOpenedV1Subject, RESTAURANTS)
  async onOpened(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.applyEvent(ctx, payload);
  }

  @EventPattern(restaurantClosedV1Subject, RESTAURANTS)
  async onClosed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.restaurants.applyEvent(ctx, payload);
  }
}
