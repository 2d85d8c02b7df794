import { consumersContext } from '@brigade/contracts/consumers';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { GetConsumerHandler } from './application/get-consumer/get-consumer.handler';
import { ReactivateConsumerHandler } from './application/reactivate-consumer/reactivate-consumer.handler';
import { RegisterConsumerHandler } from './application/register-consumer/register-consumer.handler';
import { SuspendConsumerHandler } from './application/suspend-consumer/suspend-consumer.handler';
import { ValidateOrderHandler } from './application/validate-order/validate-order.handler';
import { consumersConfig, ConsumersConfig } from './config/consumers.config';
import { ConsumerCommandRunner } from './infrastructure/consumer-command-runner';
import { mapConsumerEvent } from './infrastructure/consumer-event.mapper';
import { consumersMigrations } from './infrastructure/migrations';
import { OrderValidationCommandRunner } from './infrastructure/order-validation-command-runner';
import { ConsumersController } from './interface/http/consumers.controller';
import { IdentityEventsConsumer } from './interface/messaging/identity-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';

const commandHandlers = [RegisterConsumerHandler, SuspendConsumerHandler, ReactivateConsumerHandler, ValidateOrderHandler];
const queryHandlers = [GetConsumerHandler];
const httpControllers = [ConsumersController];
const eventConsumers = [OrderEventsConsumer, IdentityEventsConsumer];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  ConsumerCommandRunner,
  OrderValidationCommandRunner,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'consumers', config: consumersConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: consumersMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ConsumersConfig) => ({ servers: config.NATS_URL.split(','), name: 'consumers' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ConsumersConfig) => ({
        context: consumersContext,
        mapEvent: mapConsumerEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: ConsumersConfig) => ({ app: 'consumers', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...eventSourcing, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
