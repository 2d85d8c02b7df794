// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { connectJetStreamConsumers } from '@brigade/messaging';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'kitchen',
  module: AppModule,
  description: 'Tickets: one per order, from verdict to pickup; keeps a replica of restaurants; publishes kitchen.ticket.* events.',
  connectMicroservices: (app) => {
    connectJetStreamConsumers(app);
  },
});
