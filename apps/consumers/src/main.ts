// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'consumers',
  module: AppModule,
  description: 'Consumers and whether they may order; validates orders.order.created.v1, publishes consumers.consumer.* events.',
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
