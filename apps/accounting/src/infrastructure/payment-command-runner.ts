import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { PaymentCommand } from '../domain/payment.commands';
import { paymentDecider } from '../domain/payment.decider';
import type { PaymentEvent } from '../domain/payment.events';
import type { PaymentState } from '../domain/payment.state';

/** Stream type stored with every payment event. */
export const PAYMENT_STREAM_TYPE = 'payment';

/** One payment per order, in a stream of its own: its id (and so the Brigade-Aggregate-Id of its events) is `payment-<orderId>`. */
export function paymentStreamId(orderId: string): string {
  return `payment-${orderId}`;
}

/**
 * Load -> decide -> append for the Payment aggregate. A payment's stream is a handful of events
 * (answered, perhaps revised, then voided or captured): no snapshots. Its creation is answered
 * moments before a rejection may void it, so the state a command left is remembered.
 */
@Injectable()
export class PaymentCommandRunner extends CommandRunner<PaymentCommand, PaymentEvent, PaymentState> {
  constructor(store: EventStore) {
    super(store, paymentDecider, { streamType: PAYMENT_STREAM_TYPE, rememberStates: true });
  }
}
