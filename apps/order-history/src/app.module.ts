import { MessagingConsumerModule, NatsHealthIndicator, NatsModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetOrderHistoryHandler } from './application/get-order-history/get-order-history.handler';
import { ListConsumerOrdersHandler } from './application/list-consumer-orders/list-consumer-orders.handler';
import { SearchRestaurantsHandler } from './application/search-restaurants/search-restaurants.handler';
import { orderHistoryConfig, OrderHistoryConfig } from './config/order-history.config';
import { orderHistoryMigrations } from './infrastructure/migrations';
import { OrderHistoryController } from './interface/http/order-history.controller';
import { RestaurantSearchController } from './interface/http/restaurant-search.controller';
import { ConsumerEventsConsumer } from './interface/messaging/consumer-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';
import { PaymentEventsConsumer } from './interface/messaging/payment-events.consumer';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { TicketEventsConsumer } from './interface/messaging/ticket-events.consumer';
import { ConsumerDirectory } from './projections/consumer-directory/consumer-directory';
import { OrderView } from './projections/order-view/order-view';
import { RestaurantDirectory } from './projections/restaurant-directory/restaurant-directory';

// The query side: no aggregates, no event store, no relay. Views fed by one durable per producing context.
const queryHandlers = [GetOrderHistoryHandler, ListConsumerOrdersHandler, SearchRestaurantsHandler];
const projections = [OrderView, ConsumerDirectory, RestaurantDirectory];
const httpControllers = [OrderHistoryController, RestaurantSearchController];
const eventConsumers = [OrderEventsConsumer, TicketEventsConsumer, PaymentEventsConsumer, ConsumerEventsConsumer, RestaurantEventsConsumer];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'order-history', config: orderHistoryConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: orderHistoryMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrderHistoryConfig) => ({ servers: config.NATS_URL.split(','), name: 'order-history' }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: OrderHistoryConfig) => ({ app: 'order-history', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...projections, ...queryHandlers],
})
export class AppModule {}
