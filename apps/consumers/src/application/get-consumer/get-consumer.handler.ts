import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ConsumerCommandRunner } from '../../infrastructure/consumer-command-runner';
import { ConsumerView, toConsumerView } from './consumer.view';
import { GetConsumer } from './get-consumer.query';

/**
 * Served from the aggregate's own stream (snapshot + tail): one short stream per consumer,
 * so a separate read model would add lag without saving work. Unknown ids -> 404.
 */
@QueryHandler(GetConsumer)
export class GetConsumerHandler implements IQueryHandler<GetConsumer> {
  constructor(private readonly consumers: ConsumerCommandRunner) {}

  async execute({ consumerId }: GetConsumer): Promise<ConsumerView> {
    const { state, streamVersion } = await this.consumers.load(consumerId);
    return toConsumerView(consumerId, state, streamVersion);
  }
}
