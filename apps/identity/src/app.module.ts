import { identityContext } from '@brigade/contracts/identity';
import { EventStore } from '@brigade/event-store';
import { NatsHealthIndicator, NatsModule, RelayModule } from '@brigade/messaging';
import { contextDatabaseModule, SERVICE_CONFIG, ServiceModule } from '@brigade/service';
import { Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { GetSigningKeysHandler } from './application/get-signing-keys/get-signing-keys.handler';
import { IssueTokenHandler } from './application/issue-token/issue-token.handler';
import { RegisterFirstAdmin } from './application/register-first-admin/register-first-admin';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { RotateSigningKeyHandler } from './application/rotate-signing-key/rotate-signing-key.handler';
import { identityConfig, IdentityConfig } from './config/identity.config';
import { CredentialsTable } from './infrastructure/credentials.table';
import { LoginThrottle } from './infrastructure/login-throttle';
import { identityMigrations } from './infrastructure/migrations';
import { PasswordHasher } from './infrastructure/password-hasher';
import { AccessTokenSigner } from './infrastructure/signing-keys/access-token-signer';
import { KeyRing } from './infrastructure/signing-keys/key-ring';
import { SigningKeyStore } from './infrastructure/signing-keys/signing-key-store';
import { UserCommandRunner } from './infrastructure/user-command-runner';
import { mapUserEvent } from './infrastructure/user-event.mapper';
import { AuthController } from './interface/http/auth.controller';
import { SigningKeysController } from './interface/http/signing-keys.controller';
import { WellKnownController } from './interface/http/well-known.controller';

const commandHandlers = [RegisterUserHandler, IssueTokenHandler, RotateSigningKeyHandler];
const queryHandlers = [GetSigningKeysHandler];
const startUp = [RegisterFirstAdmin];
const httpControllers = [AuthController, WellKnownController, SigningKeysController];
const eventSourcing: Provider[] = [
  { provide: EventStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventStore(dataSource) },
  UserCommandRunner,
];
const credentials: Provider[] = [
  CredentialsTable,
  LoginThrottle,
  { provide: PasswordHasher, inject: [SERVICE_CONFIG], useFactory: (config: IdentityConfig) => new PasswordHasher(config.IDENTITY_SCRYPT_LOG2_N) },
];
const signingKeys = [SigningKeyStore, KeyRing, AccessTokenSigner];

@Module({
  imports: [
    ServiceModule.forRoot({ name: 'identity', config: identityConfig, health: { indicators: [NatsHealthIndicator] } }),
    contextDatabaseModule({ migrations: identityMigrations }),
    NatsModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: IdentityConfig) => ({ servers: config.NATS_URL.split(','), name: 'identity' }),
    }),
    RelayModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: IdentityConfig) => ({
        context: identityContext,
        mapEvent: mapUserEvent,
        namespace: { subjectPrefix: config.NATS_SUBJECT_PREFIX },
      }),
    }),
    CqrsModule.forRoot(),
  ],
  controllers: httpControllers,
  providers: [...eventSourcing, ...credentials, ...signingKeys, ...commandHandlers, ...queryHandlers, ...startUp],
})
export class AppModule {}
