import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { FinalizeRevision } from './finalize-revision.command';

@CommandHandler(FinalizeRevision)
export class FinalizeRevisionHandler implements ICommandHandler<FinalizeRevision> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, revision, metadata }: FinalizeRevision): Promise<void> {
    await this.tickets.run(orderId, { type: 'FinalizeRevision', data: { orderId, revision } }, metadata);
  }
}
