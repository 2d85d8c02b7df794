import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { RegisterConsumer } from './register-consumer.command';

@CommandHandler(RegisterConsumer)
export class RegisterConsumerHandler implements ICommandHandler<RegisterConsumer> {
  constructor(private readonly consumers: ConsumerCommandRunner) {}

  async execute({ consumer, metadata }: RegisterConsumer): Promise<{ consumerId: string }> {
    await this.consumers.run(consumer.consumerId, { type: 'RegisterConsumer', data: consumer }, metadata, { newStream: true });
    return { consumerId: consumer.consumerId };
  }
}
