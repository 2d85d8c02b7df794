import { ordersContext } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { Deadlines } from '@brigade/sagas';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CancelOrderHandler } from './application/cancel-order/cancel-order.handler';
import { CancelOrderSagaStep } from './application/cancel-order-saga/cancel-order-saga.step';
import { RecordCancelAnswerHandler } from './application/cancel-order-saga/record-cancel-answer.handler';
import { CreateOrderHandler } from './application/create-order/create-order.handler';
import { CreateOrderSagaStep } from './application/create-order-saga/create-order-saga.step';
import { RecordVerdictHandler } from './application/create-order-saga/record-verdict.handler';
import { GetOrderHandler } from './application/get-order/get-order.handler';
import { MirrorFulfilmentHandler } from './application/mirror-fulfilment/mirror-fulfilment.handler';
import { ReviseOrderHandler } from './application/revise-order/revise-order.handler';
import { RecordRevisionVerdictHandler } from './application/revise-order-saga/record-revision-verdict.handler';
import { ReviseOrderSagaStep } from './application/revise-order-saga/revise-order-saga.step';
import { SagaDeadlinesRunner } from './application/saga-deadlines.runner';
import { ordersConfig, OrdersConfig } from './config/orders.config';
import { ordersMigrations } from './infrastructure/migrations';
import { OrderCommandRunner } from './infrastructure/order-command-runner';
import { mapOrderEvent } from './infrastructure/order-event.mapper';
import { OrdersController } from './interface/http/orders.controller';
import { AccountingEventsConsumer } from './interface/messaging/accounting-events.consumer';
import { ConsumerEventsConsumer } from './interface/messaging/consumer-events.consumer';
import { DeliveryEventsConsumer } from './interface/messaging/delivery-events.consumer';
import { KitchenEventsConsumer } from './interface/messaging/kitchen-events.consumer';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { RestaurantReplica } from './projections/restaurant-replica/restaurant-replica';

const commandHandlers = [
  CreateOrderHandler,
  CancelOrderHandler,
  ReviseOrderHandler,
  RecordVerdictHandler,
  RecordCancelAnswerHandler,
  RecordRevisionVerdictHandler,
  MirrorFulfilmentHandler,
];
const queryHandlers = [GetOrderHandler];
const httpControllers = [OrdersController];
const eventConsumers = [RestaurantEventsConsumer, ConsumerEventsConsumer, KitchenEventsConsumer, AccountingEventsConsumer, DeliveryEventsConsumer];
const projections = [RestaurantReplica];
const sagas: Provider[] = [
  CreateOrderSagaStep,
  CancelOrderSagaStep,
  ReviseOrderSagaStep,
  SagaDeadlinesRunner,
  { provide: Deadlines, inject: [DataSource], useFactory: (dataSource: DataSource) => new Deadlines(dataSource) },
];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  OrderCommandRunner,
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
