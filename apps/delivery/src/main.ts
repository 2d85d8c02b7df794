// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'delivery',
  module: AppModule,
  description:
    'Couriers and deliveries: a delivery per approved order, a free courier assigned when the ticket is accepted (or the oldest waiting delivery when a courier frees up), pickup and delivery; keeps a replica of restaurant addresses; publishes delivery.* events.',
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
