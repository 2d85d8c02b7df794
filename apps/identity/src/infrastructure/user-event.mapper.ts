import { UserRegisteredV1, userRegisteredV1Subject } from '@brigade/contracts/identity';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { UserEvent } from '../domain/user.events';
import { USER_STREAM_TYPE } from './user-command-runner';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface UserEventMapping {
  readonly subject: string;
  readonly payload: UserRegisteredV1;
}

/**
 * Internal event -> integration contract, field by field: whatever the domain adds to its own
 * events stays inside this service until someone decides to put it in a contract (a credential
 * never will). Pure, so the relay can map an event again after a failure; an unknown stream type
 * or event type is a bug and throws.
 */
export function mapUserEvent(stored: StoredEvent): UserEventMapping {
  if (stored.streamType !== USER_STREAM_TYPE) throw new Error(`No mapping for events of stream type ${stored.streamType}`);
  const event = { type: stored.type, data: stored.data } as UserEvent;
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, role, email, consumerId, restaurantId, courierId, name } = event.data;
      const payload: UserRegisteredV1 = {
        userId,
        role,
        email,
        ...(consumerId ? { consumerId } : {}),
        ...(restaurantId ? { restaurantId } : {}),
        ...(courierId ? { courierId } : {}),
        ...(name ? { name: { firstName: name.firstName, lastName: name.lastName } } : {}),
      };
      return { subject: userRegisteredV1Subject, payload };
    }
    default:
      return assertNever(event.type);
  }
}
