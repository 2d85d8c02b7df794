import { ordersContext } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { Deadlines } from '@brigade/sagas';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CreateOrderHandler } from './application/create-order/create-order.handler';
import { CreateOrderDeadlineRunner } from './application/create-order-saga/create-order-deadline.runner';
import { CreateOrderSagaStep } from './application/create-order-saga/create-order-saga-step';
import { GetOrderHandler } from './application/get-order/get-order.handler';
import { MarkReadyForPickupHandler } from './application/mark-ready-for-pickup/mark-ready-for-pickup.handler';
import { RecordVerdictHandler } from './application/record-verdict/record-verdict.handler';
import { StartPreparationHandler } from './application/start-preparation/start-preparation.handler';
import { ordersConfig, OrdersConfig } from './config/orders.config';
import { CreateOrderSagaCommandRunner } from './infrastructure/create-order-saga-command-runner';
import { ordersMigrations } from './infrastructure/migrations';
import { OrderCommandRunner } from './infrastructure/order-command-runner';
import { mapOrderEvent } from './infrastructure/order-event.mapper';
import { OrdersController } from './interface/http/orders.controller';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { VerdictEventsConsumer } from './interface/messaging/verdict-events.consumer';
import { RestaurantReplica } from './projections/restaurant-replica/restaurant-replica';

const commandHandlers = [CreateOrderHandler, RecordVerdictHandler, StartPreparationHandler, MarkReadyForPickupHandler];
const queryHandlers = [GetOrderHandler];
const httpControllers = [OrdersController];
const eventConsumers = [RestaurantEventsConsumer, VerdictEventsConsumer];
const projections = [RestaurantReplica];
const sagas: Provider[] = [
  CreateOrderSagaStep,
  CreateOrderDeadlineRunner,
  { provide: Deadlines, inject: [DataSource], useFactory: (dataSource: DataSource) => new Deadlines(dataSource) },
];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  OrderCommandRunner,
  CreateOrderSagaCommandRunner,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'orders', config: ordersConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: ordersMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrdersConfig) => ({ servers: config.NATS_URL.split(','), name: 'orders' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrdersConfig) => ({
        context: ordersContext,
        mapEvent: mapOrderEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrdersConfig) => ({ app: 'orders', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...eventSourcing, ...projections, ...sagas, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
