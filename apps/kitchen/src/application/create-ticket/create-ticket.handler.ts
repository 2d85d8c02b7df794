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
    const restaurant = await this.restaurants.snapshot(order.restaurantId);
    // Usually the order's first ticket event; a rejection that overtook the order leaves a stream behind.
    await this.tickets.run(order.orderId, { type: 'CreateTicket', data: { ...order, restaurant } }, metadata, { newStream: true });
  }
}
