import { runInTransaction } from '@brigade/event-store';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { PaymentViewProjection } from '../../projections/payment-view/payment-view';
import { AccountView, toAccountView } from './account.view';
import { GetAccount } from './get-account.query';
import { readPaymentPage } from './payment-page';

/**
 * The credit from the account's own stream (snapshot + tail: exactly what the next payment will
 * be decided against), a page of its payments from their view. Both are read in one REPEATABLE READ
 * snapshot, and both are written in the same transactions, so the answer never shows a hold
 * without its payment or the other way round. Unknown consumers -> 404.
 */
@QueryHandler(GetAccount)
export class GetAccountHandler implements IQueryHandler<GetAccount> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountCommandRunner,
    private readonly payments: PaymentViewProjection,
  ) {}

  execute({ consumerId, page }: GetAccount): Promise<AccountView> {
    return runInTransaction(
      this.dataSource,
      async () => {
        const { state } = await this.accounts.load(consumerId);
        const payments = state.status === 'OPEN' ? await readPaymentPage(this.payments, consumerId, page) : { payments: [], nextCursor: null };
        return toAccountView(consumerId, state, payments);
      },
      { beginWith: ['SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'] },
    );
  }
}
