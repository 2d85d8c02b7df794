import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EmailTakenError } from '../domain/user.errors';

export interface Credentials {
  readonly userId: string;
  /** Normalised (domain/user.rules.ts normaliseEmail). */
  readonly email: string;
  readonly passwordHash: string;
}

/**
 * `identity_credentials`: email -> user and password hash. Written in the transaction that
 * appends the user's UserRegistered (the ambient one), so a user never exists without its
 * credentials nor the other way round.
 */
@Injectable()
export class CredentialsTable {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the email for the user. ON CONFLICT DO NOTHING waits for a concurrent claim of the
   * same email to commit or roll back, so of two racing sign-ups exactly one gets the email and
   * the other EmailTakenError (without a failed statement in the logs).
   */
  async insert(credentials: Credentials): Promise<void> {
    const rows: unknown[] = await currentManager(this.dataSource).query(
      `INSERT INTO identity_credentials (user_id, email, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING user_id`,
      [credentials.userId, credentials.email, credentials.passwordHash],
    );
    if (rows.length === 0) throw new EmailTakenError();
  }

  async findByEmail(email: string): Promise<Credentials | null> {
    const [row]: Array<{ user_id: string; email: string; password_hash: string }> = await currentManager(this.dataSource).query(
      `SELECT user_id, email, password_hash FROM identity_credentials WHERE email = $1`,
      [email],
    );
    return row ? { userId: row.user_id, email: row.email, passwordHash: row.password_hash } : null;
  }
}
