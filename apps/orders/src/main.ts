// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'orders',
  module: AppModule,
  description:
    'Orders and the CreateOrder saga; keeps a restaurant replica, collects consumer, kitchen and accounting verdicts, publishes orders.order.* events.',
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
