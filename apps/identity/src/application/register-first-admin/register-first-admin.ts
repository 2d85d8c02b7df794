import { SERVICE_CONFIG } from '@brigade/service';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { IdentityConfig } from '../../config/identity.config';
import { UserErrorCodes } from '../../domain/user.errors';
import { CredentialsTable } from '../../infrastructure/credentials.table';
import { RegisterUser } from '../register-user/register-user.command';

/** The actor of the first admin's registration: the platform itself, not a request. */
const START_UP = { id: 'identity-start-up', role: 'system' } as const;

/**
 * The first admin, from BRIGADE_ADMIN_EMAIL / BRIGADE_ADMIN_PASSWORD, registered before the app
 * serves requests when no user has that email yet. Idempotent across restarts and replicas: the
 * email's unique claim lets one registration through, and a replica that lost the race finds
 * the email taken, which is the state it wanted. The password is read only then: changing the
 * variable later changes nothing.
 */
@Injectable()
export class RegisterFirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegisterFirstAdmin.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly credentials: CredentialsTable,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BRIGADE_ADMIN_EMAIL: email, BRIGADE_ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    if (await this.credentials.findByEmail(email)) return;
    const metadata = { correlationId: randomUUID(), causationId: null, actor: START_UP, occurredAt: new Date().toISOString() };
    try {
      const { userId } = await this.commands.execute(new RegisterUser({ userId: randomUUID(), email, role: 'admin' }, password, metadata));
      this.logger.log({ msg: 'First admin registered from BRIGADE_ADMIN_EMAIL', userId });
    } catch (error) {
      if ((error as { code?: unknown }).code !== UserErrorCodes.EmailTaken) throw error;
    }
  }
}
