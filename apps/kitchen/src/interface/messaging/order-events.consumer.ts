import {
  orderApprovedV1,
  orderApprovedV1Subject,
  orderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  orderRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CancelTicket } from '../../application/cancel-ticket/cancel-ticket.command';
import { ConfirmTicket } from '../../application/confirm-ticket/confirm-ticket.command';
import { CreateTicket } from '../../application/create-ticket/create-ticket.command';

/**
 * One handler group (durable `kitchen--ticket-lifecycle`) for every order event, so that an
 * order's created -> approved/rejected reach the ticket in the order orders published them.
 * The ticket's events are appended in the consumer's transaction, with its inbox row.
 */
const LIFECYCLE = { handler: 'ticket-lifecycle' };

@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, LIFECYCLE)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, lineItems } = orderCreatedV1.parse(payload);
    const lines = lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
    await this.commands.execute(new CreateTicket({ orderId, restaurantId, lineItems: lines }, causedBy(ctx)));
  }

  @EventPattern(orderApprovedV1Subject, LIFECYCLE)
  async onApproved(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new ConfirmTicket(orderApprovedV1.parse(payload).orderId, causedBy(ctx)));
  }

  @EventPattern(orderRejectedV1Subject, LIFECYCLE)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, rejectionReason } = orderRejectedV1.parse(payload);
    await this.commands.execute(new CancelTicket({ orderId, restaurantId, reason: rejectionReason }, causedBy(ctx)));
  }
}

function causedBy(ctx: JetStreamContext) {
  return ctx.causedBy(new Date().toISOString());
}
