import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateOrderSagaStep } from './create-order-saga.step';
import { RecordVerdict } from './record-verdict.command';

@CommandHandler(RecordVerdict)
export class RecordVerdictHandler implements ICommandHandler<RecordVerdict> {
  constructor(private readonly saga: CreateOrderSagaStep) {}

  async execute({ orderId, participant, verdict, about, metadata }: RecordVerdict): Promise<void> {
    await this.saga.run({ type: 'RecordVerdict', data: { orderId, participant, about, ...verdict } }, metadata);
  }
}
