import { accountingContext } from '@brigade/contracts/accounting';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuthorizePaymentHandler } from './application/authorize-payment/authorize-payment.handler';
import { CapturePaymentHandler } from './application/capture-payment/capture-payment.handler';
import { ChangeCreditLimitHandler } from './application/change-credit-limit/change-credit-limit.handler';
import { FinalizePaymentRevisionHandler } from './application/finalize-payment-revision/finalize-payment-revision.handler';
import { GetAccountHandler } from './application/get-account/get-account.handler';
import { OpenAccountHandler } from './application/open-account/open-account.handler';
import { PaymentTransaction } from './application/payment-transaction/payment-transaction';
import { RevisePaymentHandler } from './application/revise-payment/revise-payment.handler';
import { UndoPaymentRevisionHandler } from './application/undo-payment-revision/undo-payment-revision.handler';
import { VoidPaymentHandler } from './application/void-payment/void-payment.handler';
import { accountingConfig, AccountingConfig } from './config/accounting.config';
import { AccountCommandRunner } from './infrastructure/account-command-runner';
import { mapAccountEvent } from './infrastructure/account-event.mapper';
import { accountingMigrations } from './infrastructure/migrations';
import { PaymentCommandRunner } from './infrastructure/payment-command-runner';
import { AccountsController } from './interface/http/accounts.controller';
import { ConsumerEventsConsumer } from './interface/messaging/consumer-events.consumer';
import { DeliveryEventsConsumer } from './interface/messaging/delivery-events.consumer';
import { OrderEventsConsumer } from './interface/messaging/order-events.consumer';
import { PaymentViewProjection } from './projections/payment-view/payment-view';

const commandHandlers = [
  OpenAccountHandler,
  ChangeCreditLimitHandler,
  AuthorizePaymentHandler,
  VoidPaymentHandler,
  CapturePaymentHandler,
  RevisePaymentHandler,
  FinalizePaymentRevisionHandler,
  UndoPaymentRevisionHandler,
];
const queryHandlers = [GetAccountHandler];
const httpControllers = [AccountsController];
const eventConsumers = [ConsumerEventsConsumer, OrderEventsConsumer, DeliveryEventsConsumer];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  AccountCommandRunner,
  PaymentCommandRunner,
  PaymentTransaction,
];
const projections = [PaymentViewProjection];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'accounting', config: accountingConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: accountingMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: AccountingConfig) => ({ servers: config.NATS_URL.split(','), name: 'accounting' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: AccountingConfig) => ({
        context: accountingContext,
        mapEvent: mapAccountEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    MessagingConsumerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: AccountingConfig) => ({ app: 'accounting', namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX } }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: [...httpControllers, ...eventConsumers],
  providers: [...eventSourcing, ...projections, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
