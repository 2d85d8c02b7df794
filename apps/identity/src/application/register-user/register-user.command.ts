import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { RegisterUser as RegisterUserDecision } from '../../domain/user.commands';

/** The user to register: ids chosen by the caller (a fresh UUID), email as given (normalised here). */
export type NewUser = RegisterUserDecision['data'];

/**
 * Registers a user who logs in with `email` and `password`: a consumer signing up, staff or a
 * courier an admin creates, the first admin. The password is hashed and stored with the
 * credentials, never in an event.
 */
export class RegisterUser extends Command<{ userId: string }> {
  constructor(
    readonly user: NewUser,
    readonly password: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
