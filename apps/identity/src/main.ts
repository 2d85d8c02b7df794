// The webpack bundle must keep the PostgreSQL driver, which TypeORM only loads by name at runtime.
import 'pg';
import 'reflect-metadata';
import { bootstrapService } from '@brigade/service';
import { AppModule } from './app.module';

void bootstrapService({
  name: 'identity',
  module: AppModule,
  description: 'Users, their credentials and roles; issues the access tokens (JWT, RS256) every app verifies; publishes identity.user.* events.',
});
