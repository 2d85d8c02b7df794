import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { ConsumerView, toConsumerView } from '../get-consumer/consumer.view';
import { SuspendConsumer } from './suspend-consumer.command';

@CommandHandler(SuspendConsumer)
export class SuspendConsumerHandler implements ICommandHandler<SuspendConsumer> {
  constructor(private readonly consumers: ConsumerCommandRunner) {}

  async execute({ consumerId, metadata }: SuspendConsumer): Promise<ConsumerView> {
    const { state, streamVersion } = await this.consumers.run(consumerId, { type: 'SuspendConsumer', data: { consumerId } }, metadata);
    return toConsumerView(consumerId, state, streamVersion);
  }
}
