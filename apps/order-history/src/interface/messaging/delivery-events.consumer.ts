import {
  courierRegisteredV1Subject,
  deliveryCancelledV1Subject,
  deliveryCourierAssignedV1Subject,
  deliveryCreatedV1Subject,
  deliveryDeliveredV1Subject,
  deliveryPickedUpV1Subject,
} from '@brigade/contracts/delivery';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CourierDirectory } from '../../projections/courier-directory/courier-directory';
import { OrderView } from '../../projections/order-view/order-view';

/**
 * Durable `order-history--delivery`: each order's delivery (a delivery's id is its order's id) and
 * couriers' names. Availability changes are not shown, so not listened to (the durable acks them as skipped).
 */
const DELIVERY = { handler: 'delivery' };

@Controller()
export class DeliveryEventsConsumer {
  constructor(
    private readonly orders: OrderView,
    private readonly couriers: CourierDirectory,
  ) {}

  @EventPattern(courierRegisteredV1Subject, DELIVERY)
  async onCourierRegistered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.couriers.applyEvent(ctx, payload);
  }

  @EventPattern(deliveryCreatedV1Subject, DELIVERY)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(deliveryCourierAssignedV1Subject, DELIVERY)
  async onCourierAssigned(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(deliveryPickedUpV1Subject, DELIVERY)
  async onPickedUp(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(deliveryDeliveredV1Subject, DELIVERY)
  async onDelivered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(deliveryCancelledV1Subject, DELIVERY)
  async onCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
