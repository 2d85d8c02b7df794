import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { CreateTicket } from './create-ticket.command';

/** Reads the restaurant from the replica (in the consumer's transaction) and lets the decider judge the order. */
@CommandHandler(CreateTicket)
export class CreateTicketHandler implements ICommandHandler<CreateTicket> {
  constructor(
    private readonly tickets: TicketCommandRunner,
    private readonly restaurants: RestaurantReplica,
  ) {}

  async execute({ order, metadata }: CreateTicket): Promise<void> {
    // The ticket's stream (usually empty; a rejection that overtook the order leaves one behind)
    // is read in the round trip of the replica's read, and the ticket's append goes with the COMMIT.
    this.tickets.readAhead(order.orderId);
    const restaurant = await this.restaurants.snapshot(order.restaurantId);
    await this.tickets.run(order.orderId, { type: 'CreateTicket', data: { ...order, restaurant } }, metadata);
  }
}
