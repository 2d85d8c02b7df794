import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { AccountCommand } from '../domain/account.commands';
import { accountDecider } from '../domain/account.decider';
import type { AccountEvent } from '../domain/account.events';
import type { AccountState } from '../domain/account.state';

/** Stream type stored with every account event; an account's stream id is its consumerId. */
export const ACCOUNT_STREAM_TYPE = 'account';

/**
 * Load -> decide -> append for the Account aggregate, retried on concurrent changes. Its state is
 * three numbers, but its stream still grows by a hold and a release per order: a snapshot every
 * 50 events keeps loading cheap. Snapshot format 2: the state without per-order payments.
 */
@Injectable()
export class AccountCommandRunner extends CommandRunner<AccountCommand, AccountEvent, AccountState> {
  constructor(store: EventStore) {
    // A consumer's payments move its account one after another (in the account's lane).
    super(store, accountDecider, { streamType: ACCOUNT_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 2 }, rememberStates: true });
  }
}
