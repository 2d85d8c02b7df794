import { runInTransaction } from '@brigade/event-store';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { checkPassword, normaliseEmail } from '../../domain/user.rules';
import { CredentialsTable } from '../../infrastructure/credentials.table';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserCommandRunner } from '../../infrastructure/user-command-runner';
import { RegisterUser } from './register-user.command';

/**
 * Claims the email and appends UserRegistered in one transaction: a taken email (409
 * IDENTITY.USER.EMAIL_TAKEN, also when two sign-ups race) or a refused user writes nothing.
 * The password is hashed first, outside the transaction, so no connection waits on scrypt.
 */
@CommandHandler(RegisterUser)
export class RegisterUserHandler implements ICommandHandler<RegisterUser> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserCommandRunner,
    private readonly credentials: CredentialsTable,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ user, password, metadata }: RegisterUser): Promise<{ userId: string }> {
    checkPassword(password);
    const passwordHash = await this.hasher.hash(password);
    await runInTransaction(this.dataSource, async () => {
      await this.credentials.insert({ userId: user.userId, email: normaliseEmail(user.email), passwordHash });
      await this.users.run(user.userId, { type: 'RegisterUser', data: user }, metadata, { freshId: true });
    });
    return { userId: user.userId };
  }
}
