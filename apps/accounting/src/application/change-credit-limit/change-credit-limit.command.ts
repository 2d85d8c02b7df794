import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { AccountView } from '../get-account/account.view';

/** Sets the account's credit limit; answers with the account as it now is. */
export class ChangeCreditLimit extends Command<AccountView> {
  constructor(
    readonly consumerId: string,
    readonly creditLimitCents: number,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
