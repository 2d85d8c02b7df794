import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { AnswerCancelRequest } from './answer-cancel-request.command';

@CommandHandler(AnswerCancelRequest)
export class AnswerCancelRequestHandler implements ICommandHandler<AnswerCancelRequest> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ order, metadata }: AnswerCancelRequest): Promise<void> {
    await this.tickets.run(order.orderId, { type: 'AnswerCancelRequest', data: order }, metadata);
  }
}
