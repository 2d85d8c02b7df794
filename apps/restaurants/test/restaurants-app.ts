// A real restaurants service for component tests: the real AppModule on a fresh database and a
// NATS subject prefix of its own, listening on a free port, collecting everything it publishes.
import { ComponentApp, startComponentApp } from '@brigade/component-testing';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

export type RestaurantsApp = ComponentApp;

export function startRestaurantsApp(): Promise<RestaurantsApp> {
  return startComponentApp({ app: 'restaurants', context: restaurantsContext, module: AppModule });
}
