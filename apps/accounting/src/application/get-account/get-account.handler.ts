import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountView, toAccountView } from './account.view';
import { GetAccount } from './get-account.query';

/**
 * Served from the account's own stream (snapshot + tail): the answer is exactly the state the
 * next authorisation will be decided against. Unknown consumers -> 404.
 */
@QueryHandler(GetAccount)
export class GetAccountHandler implements IQueryHandler<GetAccount> {
  constructor(private readonly accounts: AccountCommandRunner) {}

  async execute({ consumerId }: GetAccount): Promise<AccountView> {
    const { state } = await this.accounts.load(consumerId);
    return toAccountView(consumerId, state);
  }
}
