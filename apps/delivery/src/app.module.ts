import { deliveryContext } from '@brigade/contracts/delivery';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssignCourierHandler } from './application/assign-courier/assign-courier.handler';
import { CancelDeliveryHandler } from './application/cancel-delivery/cancel-delivery.handler';
import { CreateDeliveryHandler } from './application/create-delivery/create-delivery.handler';
import { GetCourierHandler } from './application/get-courier/get-courier.handler';
import { GetDeliveryHandler } from './application/get-delivery/get-delivery.handler';
import { MarkDeliveredHandler } from './application/mark-delivered/mark-delivered.handler';
import { MarkPickedUpHandler } from './application/mark-picked-up/mark-picked-up.handler';
import { NoteOrderHandler } from './application/note-order/note-order.handler';
import { NoteTicketAcceptedHandler } from './application/note-ticket-accepted/note-ticket-accepted.handler';
import { NoteTicketReadyHandler } from './application/note-ticket-ready/note-ticket-ready.handler';
import { RegisterCourierHandler } from './application/register-courier/register-courier.handler';
import { ReleaseCourierHandler } from './application/release-courier/release-courier.handler';
import { SetCourierAvailabilityHandler } from './application/set-courier-availability/set-courier-availability.handler';
import { WithdrawOrderHandler } from './application/withdraw-order/withdraw-order.handler';
import { deliveryConfig, DeliveryConfig } from './config/delivery.config';
import { CourierCommandRunner } from './infrastructure/courier-command-runner';
import { mapDeliveryEvent } from './infrastructure/delivery-event.mapper';
import { DeliveryCommandRunner } from './infrastructure/delivery-command-runner';
import { DeliveryTransaction } from './infrastructure/delivery-transaction';
import { deliveryMigrations } from './infrastructure/migrations';
import { CouriersController } from './interface/http/couriers.controller';
import { DeliveriesController } from './interface/http/deliveries.controller';
import { KitchenEventsConsumer } from './interface/messaging/kitchen-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { AssignmentBoardProjection } from './projections/assignment-board/assignment-board';
import { RestaurantReplica } from './projections/restaurant-replica/restaurant-replica';

const commandHandlers = [
  RegisterCourierHandler,
  SetCourierAvailabilityHandler,
  NoteOrderHandler,
  WithdrawOrderHandler,
  CreateDeliveryHandler,
  NoteTicketAcceptedHandler,
  NoteTicketReadyHandler,
  CancelDeliveryHandler,
  MarkPickedUpHandler,
  MarkDeliveredHandler,
  AssignCourierHandler,
  ReleaseCourierHandler,
];
const queryHandlers = [GetCourierHandler, GetDeliveryHandler];
const projections = [RestaurantReplica, AssignmentBoardProjection];
const httpControllers = [CouriersController, DeliveriesController];
const eventConsumers = [RestaurantEventsConsumer, OrderEventsConsumer, KitchenEventsConsumer];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  CourierCommandRunner,
  DeliveryCommandRunner,
  DeliveryTransaction,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'delivery', config: deliveryConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: deliveryMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: DeliveryConfig) => ({ servers: config.NATS_URL.split(','), name: 'delivery' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: DeliveryConfig) => ({
        context: deliveryContext,
        mapEvent: mapDeliveryEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: DeliveryConfig) => ({ app: 'delivery', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...eventSourcing, ...projections, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
