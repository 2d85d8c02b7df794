import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { ConsumerView, toConsumerView } from '../get-consumer/consumer.view';
import { ReactivateConsumer } from './reactivate-consumer.command';

@CommandHandler(ReactivateConsumer)
export class ReactivateConsumerHandler implements ICommandHandler<ReactivateConsumer> {
  constructor(private readonly consumers: ConsumerCommandRunner) {}

  async execute({ consumerId, metadata }: ReactivateConsumer): Promise<ConsumerView> {
    const { state, streamVersion } = await this.consumers.run(consumerId, { type: 'ReactivateConsumer', data: { consumerId } }, metadata);
    return toConsumerView(consumerId, state, streamVersion);
  }
}
