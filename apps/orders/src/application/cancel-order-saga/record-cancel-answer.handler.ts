import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CancelOrderSagaStep } from './cancel-order-saga.step';
import { RecordCancelAnswer } from './record-cancel-answer.command';

@CommandHandler(RecordCancelAnswer)
export class RecordCancelAnswerHandler implements ICommandHandler<RecordCancelAnswer> {
  constructor(private readonly saga: CancelOrderSagaStep) {}

  async execute({ orderId, answer, about, metadata }: RecordCancelAnswer): Promise<void> {
    const input = answer.cancelled
      ? ({ type: 'RecordTicketCancelled', data: { orderId, about } } as const)
      : ({ type: 'RecordCancelRefused', data: { orderId, reason: answer.reason, about } } as const);
    await this.saga.run(input, metadata);
  }
}
