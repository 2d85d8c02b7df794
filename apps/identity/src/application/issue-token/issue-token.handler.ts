import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { IdentityConfig } from '../../config/identity.config';
import { normaliseEmail } from '../../domain/user.rules';
import { CredentialsTable } from '../../infrastructure/credentials.table';
import { LoginThrottle, ThrottleKey } from '../../infrastructure/login-throttle';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { AccessTokenSigner } from '../../infrastructure/signing-keys/access-token-signer';
import { UserCommandRunner } from '../../infrastructure/user-command-runner';
import { IssueToken, LoginOutcome } from './issue-token.command';

/**
 * Throttle first (before any password is checked), then the password: against the user's hash,
 * or a dummy one when no user has the email, so that both refusals cost the same work and read
 * the same. A success forgets the email's failures and gives the address its attempt back; the
 * token carries the role and binding the user's stream holds.
 */
@CommandHandler(IssueToken)
export class IssueTokenHandler implements ICommandHandler<IssueToken> {
  constructor(
    private readonly credentials: CredentialsTable,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly users: UserCommandRunner,
    private readonly signer: AccessTokenSigner,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute({ email, password, clientAddress }: IssueToken): Promise<LoginOutcome> {
    const normalised = normaliseEmail(email);
    const byEmail: ThrottleKey = { key: `email:${normalised}`, maxFailures: this.config.IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL };
    const byAddress: ThrottleKey = { key: `address:${clientAddress}`, maxFailures: this.config.IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS };
    const verdict = await this.throttle.attempt([byEmail, byAddress], this.config.IDENTITY_LOGIN_WINDOW_S);
    if (verdict.throttled) return { outcome: 'throttled', retryAfterS: verdict.retryAfterS };

    const credentials = await this.credentials.findByEmail(normalised);
    const valid = await this.hasher.verify(password, credentials?.passwordHash ?? null);
    if (!valid || !credentials) return { outcome: 'refused' };

    const { state: user } = await this.users.load(credentials.userId);
    if (user.status !== 'REGISTERED') throw new Error(`User ${credentials.userId} has credentials but no registration`);
    await this.throttle.forget(byEmail.key);
    await this.throttle.giveBack(byAddress.key);
    return { outcome: 'issued', token: await this.signer.sign(user) };
  }
}
