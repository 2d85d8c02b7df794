import { Query } from '@nestjs/cqrs';
import type { TicketView } from './ticket.view';

export class GetTicket extends Query<TicketView> {
  constructor(readonly orderId: string) {
    super();
  }
}
