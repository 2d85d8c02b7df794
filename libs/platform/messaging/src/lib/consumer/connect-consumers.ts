import { INestApplication, INestMicroservice } from '@nestjs/common';
import { NestMicroservice } from '@nestjs/microservices';
import { JetStreamServer } from './jetstream-server';
import { PassErrorsToJetStreamFilter } from './pass-errors-to-jetstream.filter';

/**
 * Attaches the app's JetStream consumers (MessagingConsumerModule's JetStreamServer) as a hybrid
 * microservice. main.ts:
 *
 *   const app = await NestFactory.create(AppModule);
 *   connectJetStreamConsumers(app);
 *   await app.init();                    // lifecycle hooks first, so consumers start on a ready app
 *   await app.startAllMicroservices();   // creates or rewinds the durables, starts consuming
 *   await app.listen(port);
 *
 * The microservice does not inherit the HTTP app's global enhancers (its problem+json filter is
 * for HTTP); it gets the filter that hands handler errors to the transport unchanged, which the
 * transport needs to tell a domain error (ack) from a failure (retry, park). Nest resolves
 * filters when it registers the handlers, hence the deferred initialisation.
 */
export function connectJetStreamConsumers(app: INestApplication): INestMicroservice {
  const microservice = app.connectMicroservice(
    { strategy: app.get(JetStreamServer) },
    { inheritAppConfig: false, deferInitialization: true },
  );
  microservice.useGlobalFilters(new PassErrorsToJetStreamFilter());
  // The app runs the lifecycle hooks of the shared container; the microservice must not repeat them.
  (microservice as NestMicroservice).setIsInitHookCalled(true);
  return microservice;
}
