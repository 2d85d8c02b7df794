import { EventMetadata, runInTransaction, RunOptions } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { availableCents } from '../../domain/account.state';
import type { PaymentCommand } from '../../domain/payment.commands';
import type { PaymentEvent } from '../../domain/payment.events';
import { holdCommandsFor } from '../../domain/payment-holds';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { PaymentCommandRunner, paymentStreamId } from '../../infrastructure/payment-command-runner';
import { PaymentViewProjection } from '../../projections/payment-view/payment-view';

/**
 * A payment command and everything it implies, in ONE transaction (the message's, when a message
 * asked): the order's Payment decides, the consumer's Account holds or releases what that
 * decision says (payment-holds.ts), and the payment's row in the consumer's list shows it. So the
 * held sum is always the sum of the open authorisations. If the account moved after its credit was
 * read, its append is refused and decided again on the account as it is; a hold that no longer
 * fits fails the transaction, and the message is decided again from the start. Messages on
 * orders.order.* write a consumer's account one after another (its lane, see OrderEventsConsumer);
 * a capture, which names no consumer, relies on that refusal alone.
 */
@Injectable()
export class PaymentTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentCommandRunner,
    private readonly accounts: AccountCommandRunner,
    private readonly view: PaymentViewProjection,
  ) {}

  /**
   * A command decided on the account's available credit (authorise, revise), read in the same
   * transaction as everything it changes: null when the consumer has no account.
   */
  runWithCredit(
    consumerId: string,
    orderId: string,
    command: (availableCents: number | null) => PaymentCommand,
    metadata: EventMetadata,
    options: RunOptions = {},
  ): Promise<PaymentEvent[]> {
    return runInTransaction(this.dataSource, async () => {
      // An existing payment is read in the account's round trip, unless either is remembered: the
      // account's credit is then checked at COMMIT, as the payment's version is by its append.
      if (!options.newStream) this.payments.readAhead(paymentStreamId(orderId));
      const { state: account } = await this.accounts.loadForDecision(consumerId);
      return this.decide(orderId, command(account.status === 'OPEN' ? availableCents(account) : null), metadata, options);
    });
  }

  /** A command that needs no credit (void, capture, finalise or undo a revision). */
  run(orderId: string, command: PaymentCommand, metadata: EventMetadata): Promise<PaymentEvent[]> {
    return runInTransaction(this.dataSource, () => this.decide(orderId, command, metadata));
  }

  private async decide(orderId: string, command: PaymentCommand, metadata: EventMetadata, options: RunOptions = {}): Promise<PaymentEvent[]> {
    const { events, state, streamVersion } = await this.payments.run(paymentStreamId(orderId), command, metadata, options);
    for (const hold of holdCommandsFor(events)) await this.accounts.run(hold.data.consumerId, hold, metadata);
    if (events.length > 0 && state.status !== 'NONE') {
      const { consumerId, status, amountCents } = state;
      await this.view.save({ orderId, consumerId, status, amountCents, version: streamVersion });
    }
    return events;
  }
}
