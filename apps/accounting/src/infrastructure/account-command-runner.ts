import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { AccountCommand } from '../domain/account.commands';
import { accountDecider } from '../domain/account.decider';
import type { AccountEvent } from '../domain/account.events';
import type { AccountState } from '../domain/account.state';

/** Stream type stored with every account event; an account's stream id is its consumerId. */
export const ACCOUNT_STREAM_TYPE = 'account';

/**
 * Load -> decide -> append for the Account aggregate, retried on concurrent changes (two orders
 * of one consumer are authorised in parallel partitions, so they meet here). The stream grows by
 * one event per order: a snapshot every 50 events keeps loading cheap.
 */
@Injectable()
export class AccountCommandRunner extends CommandRunner<AccountCommand, AccountEvent, AccountState> {
  constructor(store: EventStore) {
    // A consumer's orders are authorised one after another (in the account's lane).
    super(store, accountDecider, { streamType: ACCOUNT_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 1 }, rememberStates: true });
  }
}
