import { accountingContext } from '@brigade/contracts/accounting';
import { EventStore } from '@brigade/event-store';
import { MessagingConsumerModule, NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuthorizePaymentHandler } from './application/authorize-payment/authorize-payment.handler';
import { ChangeCreditLimitHandler } from './application/change-credit-limit/change-credit-limit.handler';
import { GetAccountHandler } from './application/get-account/get-account.handler';
import { OpenAccountHandler } from './application/open-account/open-account.handler';
import { VoidPaymentHandler } from './application/void-payment/void-payment.handler';
import { accountingConfig, AccountingConfig } from './config/accounting.config';
import { AccountCommandRunner } from './infrastructure/account-command-runner';
import { mapAccountEvent } from './infrastructure/account-event.mapper';
import { accountingMigrations } from './infrastructure/migrations';
import { AccountsController } from './interface/http/accounts.controller';
import { AccountOpeningConsumer } from './interface/messaging/account-opening.consumer';
import { PaymentAuthorizationConsumer } from './interface/messaging/payment-authorization.consumer';

const commandHandlers = [OpenAccountHandler, AuthorizePaymentHandler, VoidPaymentHandler, ChangeCreditLimitHandler];
const queryHandlers = [GetAccountHandler];
const httpControllers = [AccountsController];
const eventConsumers = [AccountOpeningConsumer, PaymentAuthorizationConsumer];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  AccountCommandRunner,
];

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
  providers: [...eventSourcing, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
