import {
  paymentAuthorizedV1,
  paymentAuthorizedV1Subject,
  paymentDeclinedV1,
  paymentDeclinedV1Subject,
} from '@brigade/contracts/accounting';
import {
  consumerOrderValidatedV1,
  consumerOrderValidatedV1Subject,
  consumerOrderValidationFailedV1,
  consumerOrderValidationFailedV1Subject,
} from '@brigade/contracts/consumers';
import {
  ticketCreatedV1,
  ticketCreatedV1Subject,
  ticketPreparingV1,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1,
  ticketReadyForPickupV1Subject,
  ticketRejectedV1,
  ticketRejectedV1Subject,
} from '@brigade/contracts/kitchen';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MarkReadyForPickup } from '../../application/mark-ready-for-pickup/mark-ready-for-pickup.command';
import { RecordVerdict } from '../../application/record-verdict/record-verdict.command';
import { StartPreparation } from '../../application/start-preparation/start-preparation.command';
import type { Participant } from '../../domain/create-order-saga.decider';

// One durable per producing context (a durable reads one stream): `orders--consumer-verdicts`,
// `orders--kitchen-verdicts`, `orders--payment-verdicts`. Other subjects of those contexts that
// reach a group (e.g. kitchen.ticket.accepted.v1) are acked and skipped by the transport.
// An order's three verdicts arrive together, one on each durable: the order's lane makes them
// wait in this process rather than on the saga stream's lock in PostgreSQL (where waiting holds a
// connection and batches can block each other), and what waited behind a running verdict runs
// together in one transaction: the saga's and the order's commands decide a later verdict on
// the state the earlier one of the transaction left (CommandRunner), so they may share one.
const ORDER_LANE = laneByField('order', 'orderId', { oneTransaction: true });
const CONSUMER_VERDICTS = { handler: 'consumer-verdicts', lane: ORDER_LANE };
const KITCHEN_VERDICTS = { handler: 'kitchen-verdicts', lane: ORDER_LANE };
const PAYMENT_VERDICTS = { handler: 'payment-verdicts', lane: ORDER_LANE };

/**
 * The participants' answers to orders.order.created.v1, fed to the order's CreateOrder saga in
 * the transaction that writes the message's inbox row (a redelivery never counts twice); and the
 * kitchen's progress on an approved order, which the Order mirrors (on the kitchen's durable, as
 * a durable reads one stream and keeps the ticket's messages in order).
 * Payment events are keyed by consumer on the wire: the order is found by the payload's orderId.
 * A payload that breaks its contract is parked at once, never silently dropped.
 */
@Controller()
export class VerdictEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(consumerOrderValidatedV1Subject, CONSUMER_VERDICTS)
  onConsumerValidated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.record(consumerOrderValidatedV1.parse(payload).orderId, 'consumer', null, ctx);
  }

  @EventPattern(consumerOrderValidationFailedV1Subject, CONSUMER_VERDICTS)
  onConsumerValidationFailed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, reason } = consumerOrderValidationFailedV1.parse(payload);
    return this.record(orderId, 'consumer', reason, ctx);
  }

  @EventPattern(ticketCreatedV1Subject, KITCHEN_VERDICTS)
  onTicketCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.record(ticketCreatedV1.parse(payload).orderId, 'kitchen', null, ctx);
  }

  @EventPattern(ticketRejectedV1Subject, KITCHEN_VERDICTS)
  onTicketRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, reason } = ticketRejectedV1.parse(payload);
    return this.record(orderId, 'kitchen', reason, ctx);
  }

  @EventPattern(ticketPreparingV1Subject, KITCHEN_VERDICTS)
  async onTicketPreparing(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId } = ticketPreparingV1.parse(payload);
    await this.commands.execute(new StartPreparation(orderId, ctx.causedBy(new Date().toISOString())));
  }

  @EventPattern(ticketReadyForPickupV1Subject, KITCHEN_VERDICTS)
  async onTicketReadyForPickup(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId } = ticketReadyForPickupV1.parse(payload);
    await this.commands.execute(new MarkReadyForPickup(orderId, ctx.causedBy(new Date().toISOString())));
  }

  @EventPattern(paymentAuthorizedV1Subject, PAYMENT_VERDICTS)
  onPaymentAuthorized(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    return this.record(paymentAuthorizedV1.parse(payload).orderId, 'accounting', null, ctx);
  }

  @EventPattern(paymentDeclinedV1Subject, PAYMENT_VERDICTS)
  onPaymentDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, reason } = paymentDeclinedV1.parse(payload);
    return this.record(orderId, 'accounting', reason, ctx);
  }

  /** `refusal` null = a yes. Metadata: same correlation and actor as the verdict, caused by it. */
  private async record(orderId: string, participant: Participant, refusal: string | null, ctx: JetStreamContext): Promise<void> {
    const verdict = refusal === null ? ({ approved: true } as const) : ({ approved: false, reason: refusal } as const);
    await this.commands.execute(new RecordVerdict(orderId, participant, verdict, ctx.causedBy(new Date().toISOString())));
  }
}
