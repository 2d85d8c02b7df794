// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'order-history',
  module: AppModule,
  description:
    'The query side: order history, consumer histories with keyword search and cursor pagination, restaurant search; fed only by the other contexts\' events.',
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
