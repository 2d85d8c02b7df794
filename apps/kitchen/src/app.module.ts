import { kitchenContext } from '@brigade/contracts/kitchen';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AcceptTicketHandler } from './application/accept-ticket/accept-ticket.handler';
import { AnswerCancelRequestHandler } from './application/answer-cancel-request/answer-cancel-request.handler';
import { CancelTicketHandler } from './application/cancel-ticket/cancel-ticket.handler';
import { ConfirmTicketHandler } from './application/confirm-ticket/confirm-ticket.handler';
import { CreateTicketHandler } from './application/create-ticket/create-ticket.handler';
import { FinalizeRevisionHandler } from './application/finalize-revision/finalize-revision.handler';
import { GetTicketHandler } from './application/get-ticket/get-ticket.handler';
import { ListRestaurantTicketsHandler } from './application/list-restaurant-tickets/list-restaurant-tickets.handler';
import { MarkPickedUpHandler } from './application/mark-picked-up/mark-picked-up.handler';
import { MarkReadyForPickupHandler } from './application/mark-ready-for-pickup/mark-ready-for-pickup.handler';
import { ReviseTicketHandler } from './application/revise-ticket/revise-ticket.handler';
import { StartPreparingHandler } from './application/start-preparing/start-preparing.handler';
import { UndoRevisionHandler } from './application/undo-revision/undo-revision.handler';
import { kitchenConfig, KitchenConfig } from './config/kitchen.config';
import { kitchenMigrations } from './infrastructure/migrations';
import { TicketCommandRunner } from './infrastructure/ticket-command-runner';
import { mapTicketEvent } from './infrastructure/ticket-event.mapper';
import { RestaurantTicketsController } from './interface/http/restaurant-tickets.controller';
import { TicketsController } from './interface/http/tickets.controller';
import { DeliveryEventsConsumer } from './interface/messaging/delivery-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';
import { RestaurantEventsConsumer } from './interface/messaging/restaurant-events.consumer';
import { RestaurantReplica } from './projections/restaurant-replica/restaurant-replica';
import { TicketViewProjection } from './projections/ticket-view/ticket-view';

const commandHandlers = [
  CreateTicketHandler,
  ConfirmTicketHandler,
  CancelTicketHandler,
  AcceptTicketHandler,
  StartPreparingHandler,
  MarkReadyForPickupHandler,
  MarkPickedUpHandler,
  AnswerCancelRequestHandler,
  ReviseTicketHandler,
  FinalizeRevisionHandler,
  UndoRevisionHandler,
];
const queryHandlers = [GetTicketHandler, ListRestaurantTicketsHandler];
const projections = [RestaurantReplica, TicketViewProjection];
const httpControllers = [TicketsController, RestaurantTicketsController];
const eventConsumers = [RestaurantEventsConsumer, OrderEventsConsumer, DeliveryEventsConsumer];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  TicketCommandRunner,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'kitchen', config: kitchenConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: kitchenMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: KitchenConfig) => ({ servers: config.NATS_URL.split(','), name: 'kitchen' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: KitchenConfig) => ({
        context: kitchenContext,
        mapEvent: mapTicketEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: KitchenConfig) => ({ app: 'kitchen', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...eventSourcing, ...projections, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
