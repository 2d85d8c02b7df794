// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'restaurants',
  module: AppModule,
  description: 'Restaurants and their menus; publishes restaurants.restaurant.* events.',
});
