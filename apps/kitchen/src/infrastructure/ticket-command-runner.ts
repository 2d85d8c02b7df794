import { CommandOutcome, CommandRunner, EventMetadata, EventStore, RunOptions, runInTransaction } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { toTicketView } from '../application/get-ticket/ticket.view';
import type { TicketCommand } from '../domain/ticket.commands';
import { ticketDecider } from '../domain/ticket.decider';
import type { TicketEvent } from '../domain/ticket.events';
import type { TicketState } from '../domain/ticket.state';
import { TicketViewProjection } from '../projections/ticket-view/ticket-view';

/** Stream type stored with every ticket event; a ticket's stream id is its orderId (one ticket per order). */
export const TICKET_STREAM_TYPE = 'ticket';

/**
 * Load -> decide -> append for the Ticket aggregate, retried on concurrent changes, with the
 * ticket view updated in the same transaction (joining a consumer's transaction when there is one).
 * Streams stay short (a handful of events per order): no snapshots.
 */
@Injectable()
export class TicketCommandRunner extends CommandRunner<TicketCommand, TicketEvent, TicketState> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly view: TicketViewProjection,
  ) {
    // A ticket is created, then confirmed or cancelled moments later.
    super(eventStore, ticketDecider, { streamType: TICKET_STREAM_TYPE, rememberStates: true });
  }

  override run(
    orderId: string,
    command: TicketCommand,
    metadata: EventMetadata,
    options: RunOptions = {},
  ): Promise<CommandOutcome<TicketEvent, TicketState>> {
    return runInTransaction(this.eventStore.dataSource, async () => {
      const outcome = await super.run(orderId, command, metadata, options);
      const hasTicket = outcome.state.status !== 'NONE' && outcome.state.status !== 'ORDER_REJECTED';
      if (outcome.events.length > 0 && hasTicket) await this.view.save(toTicketView(orderId, outcome.state, outcome.streamVersion));
      return outcome;
    });
  }
}
