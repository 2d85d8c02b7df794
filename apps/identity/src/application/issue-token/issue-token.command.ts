import { Command } from '@nestjs/cqrs';
import type { AccessToken } from '../../infrastructure/signing-keys/access-token-signer';

/** What a login comes to: a token, one refusal for every wrong email or password, or a pause. */
export type LoginOutcome =
  | { readonly outcome: 'issued'; readonly token: AccessToken }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'throttled'; readonly retryAfterS: number };

/** Logs a user in: email and password for an access token. `clientAddress` is throttled as well as the email. */
export class IssueToken extends Command<LoginOutcome> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly clientAddress: string,
  ) {
    super();
  }
}
