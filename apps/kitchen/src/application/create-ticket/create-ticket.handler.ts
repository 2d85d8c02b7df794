import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { RestaurantReplica } from '../../projections/restaurant-replica/restaurant-replica';
import { CreateTicket } from './create-ticket.command';

/** Takes the restaurant from the replica (kept in memory, see RestaurantReplica) and lets the decider judge the order. */
@CommandHandler(CreateTicket)
export class CreateTicketHandler implements ICommandHandler<CreateTicket> {
  constructor(
    private readonly tickets: TicketCommandRunner,
    private readonly restaurants: RestaurantReplica,
  ) {}

  async execute({ order, metadata }: CreateTicket): Promise<void> {
    // The restaurant is almost always in memory: the ticket's stream (usually empty; a rejection
    // that overtook the order leaves one behind) is then the transaction's one read, sent with
    // START TRANSACTION, and the ticket's append goes with the COMMIT.
    const restaurant = await this.restaurants.snapshot(order.restaurantId);
    await this.tickets.run(order.orderId, { type: 'CreateTicket', data: { ...order, restaurant } }, metadata);
  }
}
