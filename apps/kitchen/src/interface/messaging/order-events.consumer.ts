import {
  orderApprovedV1,
  orderApprovedV1Subject,
  orderCancelRequestedV1,
  orderCancelRequestedV1Subject,
  orderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  orderRejectedV1Subject,
  orderRevisedV1,
  orderRevisedV1Subject,
  orderRevisionProposedV1,
  orderRevisionProposedV1Subject,
  orderRevisionRejectedV1,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AnswerCancelRequest } from '../../application/answer-cancel-request/answer-cancel-request.command';
import { CancelTicket } from '../../application/cancel-ticket/cancel-ticket.command';
import { ConfirmTicket } from '../../application/confirm-ticket/confirm-ticket.command';
import { CreateTicket } from '../../application/create-ticket/create-ticket.command';
import { FinalizeRevision } from '../../application/finalize-revision/finalize-revision.command';
import { ReviseTicket } from '../../application/revise-ticket/revise-ticket.command';
import { UndoRevision } from '../../application/undo-revision/undo-revision.command';

/**
 * One handler group (durable `kitchen--ticket-lifecycle`) for every order event, so that an
 * order's created -> approved/rejected -> cancel-requested / revision-proposed -> revised/revision-rejected
 * reach the ticket in the order orders published them (a revision's outcome never overtakes its proposal).
 * The ticket's events are appended in the consumer's transaction, with its inbox row.
 */
const LIFECYCLE = { handler: 'ticket-lifecycle' };

@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, LIFECYCLE)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, lineItems } = orderCreatedV1.parse(payload);
    await this.commands.execute(new CreateTicket({ orderId, restaurantId, lineItems: linesOf(lineItems) }, causedBy(ctx)));
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

  @EventPattern(orderCancelRequestedV1Subject, LIFECYCLE)
  async onCancelRequested(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = orderCancelRequestedV1.parse(payload);
    await this.commands.execute(new AnswerCancelRequest({ orderId, restaurantId }, causedBy(ctx)));
  }

  @EventPattern(orderRevisionProposedV1Subject, LIFECYCLE)
  async onRevisionProposed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, revision, lineItems } = orderRevisionProposedV1.parse(payload);
    await this.commands.execute(new ReviseTicket({ orderId, restaurantId, revision, lineItems: linesOf(lineItems) }, causedBy(ctx)));
  }

  @EventPattern(orderRevisedV1Subject, LIFECYCLE)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision } = orderRevisedV1.parse(payload);
    await this.commands.execute(new FinalizeRevision(orderId, revision, causedBy(ctx)));
  }

  @EventPattern(orderRevisionRejectedV1Subject, LIFECYCLE)
  async onRevisionRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision } = orderRevisionRejectedV1.parse(payload);
    await this.commands.execute(new UndoRevision(orderId, revision, causedBy(ctx)));
  }
}

/** What the kitchen cooks: prices are not its business. */
function linesOf(lineItems: ReadonlyArray<{ menuItemId: string; name: string; quantity: number }>) {
  return lineItems.map(({ menuItemId, name, quantity }) => ({ menuItemId, name, quantity }));
}

function causedBy(ctx: JetStreamContext) {
  return ctx.causedBy(new Date().toISOString());
}
