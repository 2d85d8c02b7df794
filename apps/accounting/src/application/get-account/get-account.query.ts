import { Query } from '@nestjs/cqrs';
import type { AccountView } from './account.view';
import type { PageRequest } from './payment-page';

/** An account with one page of its payments (the newest first when no cursor is given). */
export class GetAccount extends Query<AccountView> {
  constructor(
    readonly consumerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
