import { Query } from '@nestjs/cqrs';
import type { ConsumerView } from './consumer.view';

export class GetConsumer extends Query<ConsumerView> {
  constructor(readonly consumerId: string) {
    super();
  }
}
