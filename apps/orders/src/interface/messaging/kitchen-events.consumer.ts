import {
  ticketCancelledV1,
  ticketCancelledV1Subject,
  ticketCancelRefusedV1,
  ticketCancelRefusedV1Subject,
  ticketCreatedV1,
  ticketCreatedV1Subject,
  ticketPreparingV1,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1,
  ticketReadyForPickupV1Subject,
  ticketRejectedV1,
  ticketRejectedV1Subject,
  ticketRevisedV1,
  ticketRevisedV1Subject,
  ticketRevisionRefusedV1,
  ticketRevisionRefusedV1Subject,
} from '@brigade/contracts/kitchen';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordCancelAnswer } from '../../application/cancel-order-saga/record-cancel-answer.command';
import { RecordVerdict } from '../../application/create-order-saga/record-verdict.command';
import { MirrorFulfilment } from '../../application/mirror-fulfilment/mirror-fulfilment.command';
import { RecordRevisionVerdict } from '../../application/revise-order-saga/record-revision-verdict.command';
import { causedBy, ORDER_LANE, verdictOf } from './order-messages';

const KITCHEN = { handler: 'kitchen-verdicts', lane: ORDER_LANE };

/**
 * The kitchen's answers to the order's sagas (ticket created or rejected; cancelled or refused;
 * revised or refused) and its progress on an approved order, which the Order mirrors. One durable,
 * so a ticket's messages arrive in the order the kitchen published them. A verdict names the
 * restaurant: the saga parks one naming another restaurant than the order's.
 */
@Controller()
export class KitchenEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(ticketCreatedV1Subject, KITCHEN)
  async onTicketCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketCreatedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'kitchen', verdictOf(null), { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketRejectedV1Subject, KITCHEN)
  async onTicketRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, reason } = ticketRejectedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'kitchen', verdictOf(reason), { restaurantId }, causedBy(ctx)));
  }

  /** Also published for the ticket of a rejected order: the CancelOrder saga, never started then, decides nothing. */
  @EventPattern(ticketCancelledV1Subject, KITCHEN)
  async onTicketCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketCancelledV1.parse(payload);
    await this.commands.execute(new RecordCancelAnswer(orderId, { cancelled: true }, { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketCancelRefusedV1Subject, KITCHEN)
  async onCancelRefused(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, reason } = ticketCancelRefusedV1.parse(payload);
    await this.commands.execute(new RecordCancelAnswer(orderId, { cancelled: false, reason }, { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketRevisedV1Subject, KITCHEN)
  async onTicketRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision, restaurantId } = ticketRevisedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'kitchen', verdictOf(null), { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketRevisionRefusedV1Subject, KITCHEN)
  async onRevisionRefused(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision, restaurantId, reason } = ticketRevisionRefusedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'kitchen', verdictOf(reason), { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketPreparingV1Subject, KITCHEN)
  async onTicketPreparing(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketPreparingV1.parse(payload);
    await this.commands.execute(new MirrorFulfilment(orderId, 'StartPreparation', { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(ticketReadyForPickupV1Subject, KITCHEN)
  async onTicketReadyForPickup(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketReadyForPickupV1.parse(payload);
    await this.commands.execute(new MirrorFulfilment(orderId, 'MarkReadyForPickup', { restaurantId }, causedBy(ctx)));
  }
}
