import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../infrastructure/ticket-command-runner';
import { UndoRevision } from './undo-revision.command';

@CommandHandler(UndoRevision)
export class UndoRevisionHandler implements ICommandHandler<UndoRevision> {
  constructor(private readonly tickets: TicketCommandRunner) {}

  async execute({ orderId, revision, metadata }: UndoRevision): Promise<void> {
    await this.tickets.run(orderId, { type: 'UndoRevision', data: { orderId, revision } }, metadata);
  }
}
