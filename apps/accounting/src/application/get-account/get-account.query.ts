import { Query } from '@nestjs/cqrs';
import type { AccountView } from './account.view';

export class GetAccount extends Query<AccountView> {
  constructor(readonly consumerId: string) {
    super();
  }
}
