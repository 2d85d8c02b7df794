// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'accounting',
  module: AppModule,
  description: "Consumers' accounts and payment authorisations; publishes accounting.account.* and accounting.payment.* events.",
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
