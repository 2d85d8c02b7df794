import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordRevisionVerdict } from './record-revision-verdict.command';
import { ReviseOrderSagaStep } from './revise-order-saga.step';

@CommandHandler(RecordRevisionVerdict)
export class RecordRevisionVerdictHandler implements ICommandHandler<RecordRevisionVerdict> {
  constructor(private readonly saga: ReviseOrderSagaStep) {}

  async execute({ orderId, revision, participant, verdict, about, metadata }: RecordRevisionVerdict): Promise<void> {
    await this.saga.run({ type: 'RecordRevisionVerdict', data: { orderId, revision, participant, about, ...verdict } }, metadata);
  }
}
