import { MessagingConsumerModule, NatsHealthIndicator, NatsModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { GetOrderHistoryHandler } from './application/get-order-history/get-order-history.handler';
import { GetOrderStatusHandler } from './application/get-order-status/get-order-status.handler';
import { ListConsumerOrdersHandler } from './application/list-consumer-orders/list-consumer-orders.handler';
import { SearchRestaurantsHandler } from './application/search-restaurants/search-restaurants.handler';
import { orderHistoryConfig, OrderHistoryConfig } from './config/order-history.config';
import { orderHistoryMigrations } from './infrastructure/migrations';
import { OrderHistoryController } from './interface/http/order-history.controller';
import { ProjectionsAdminController } from './interface/http/projections-admin.controller';
import { RestaurantSearchController } from './interface/http/restaurant-search.controller';
import { ConsumerEventsConsumer } from './interface/messaging/consumer-events.consumer';
import { DeliveryEventsConsumer } from './interface/messaging/delivery-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';
import { AccountingEventsConsumer } from './interface/messaging/accounting-events.consumer';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { KitchenEventsConsumer } from './interface/messaging/kitchen-events.consumer';
import { ConsumerDirectory } from './projections/consumer-directory/consumer-directory';
import { CourierDirectory } from './projections/courier-directory/courier-directory';
import { OrderStatuses } from './projections/order-status/order-status';
import { OrderStatusCache } from './projections/order-status/order-status-cache';
import { OrderStatusCacheHealthIndicator } from './projections/order-status/order-status-cache.health';
import { OrderView } from './projections/order-view/order-view';
import { ProjectionRebuilder } from './projections/rebuild/projection-rebuilder';
import { SourcePositions } from './projections/rebuild/source-positions';
import { ProjectionRegistry } from './projections/registry/projection-registry';
import { RestaurantDirectory } from './projections/restaurant-directory/restaurant-directory';

// The query side: no aggregates, no event store, no relay. Views fed by one durable per producing context,
// and a Redis copy of order statuses for the hot path (optional: PostgreSQL answers when Redis cannot).
// Each view is a versioned projection, rebuilt from the streams next to the one serving (/admin/projections).
const queryHandlers = [GetOrderHistoryHandler, GetOrderStatusHandler, ListConsumerOrdersHandler, SearchRestaurantsHandler];
const projections = [ProjectionRegistry, OrderView, ConsumerDirectory, RestaurantDirectory, CourierDirectory, OrderStatuses];
const cache = [OrderStatusCache, OrderStatusCacheHealthIndicator];
const rebuilds = [ProjectionRebuilder, SourcePositions];
const httpControllers = [OrderHistoryController, RestaurantSearchController, ProjectionsAdminController];
const eventConsumers = [
  OrderEventsConsumer,
  KitchenEventsConsumer,
  AccountingEventsConsumer,
  ConsumerEventsConsumer,
  RestaurantEventsConsumer,
  DeliveryEventsConsumer,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'order-history', config: orderHistoryConfig, health: { indicators: [NatsHealthIndicator, OrderStatusCacheHealthIndicator] } }),
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
    TerminusModule, // the Redis indicator's HealthIndicatorService
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...projections, ...cache, ...rebuilds, ...queryHandlers],
})
export class AppModule {}
