import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { UserCommand } from '../domain/user.commands';
import { userDecider } from '../domain/user.decider';
import type { UserEvent } from '../domain/user.events';
import type { UserState } from '../domain/user.state';

/** Stream type stored with every user event; a user's stream id is its userId. */
export const USER_STREAM_TYPE = 'user';

/** Load -> decide -> append for the User aggregate. Its stream is one event long: no snapshots. */
@Injectable()
export class UserCommandRunner extends CommandRunner<UserCommand, UserEvent, UserState> {
  constructor(store: EventStore) {
    super(store, userDecider, { streamType: USER_STREAM_TYPE });
  }
}
