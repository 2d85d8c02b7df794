import { restaurantsContext } from '@brigade/contracts/restaurants';
import { EventStore } from '@brigade/event-store';
import { NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CloseRestaurantHandler } from './application/close-restaurant/close-restaurant.handler';
import { CreateRestaurantHandler } from './application/create-restaurant/create-restaurant.handler';
import { GetRestaurantHandler } from './application/get-restaurant/get-restaurant.handler';
import { OpenRestaurantHandler } from './application/open-restaurant/open-restaurant.handler';
import { ReviseMenuHandler } from './application/revise-menu/revise-menu.handler';
import { restaurantsConfig, RestaurantsConfig } from './config/restaurants.config';
import { restaurantsMigrations } from './infrastructure/migrations';
import { RestaurantCommandRunner } from './infrastructure/restaurant-command-runner';
import { mapRestaurantEvent } from './infrastructure/restaurant-event.mapper';
import { RestaurantsController } from './interface/http/restaurants.controller';

const commandHandlers = [CreateRestaurantHandler, ReviseMenuHandler, OpenRestaurantHandler, CloseRestaurantHandler];
const queryHandlers = [GetRestaurantHandler];
const controllers = [RestaurantsController];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  RestaurantCommandRunner,
];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'restaurants', config: restaurantsConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: restaurantsMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: RestaurantsConfig) => ({ servers: config.NATS_URL.split(','), name: 'restaurants' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: RestaurantsConfig) => ({
        context: restaurantsContext,
        mapEvent: mapRestaurantEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers,
  providers: [...eventSourcing, ...commandHandlers, ...queryHandlers],
})
export class AppModule {}
