import { assertNever, Decider } from '@brigade/domain';
import type { UserCommand } from './user.commands';
import { UserAlreadyExistsError } from './user.errors';
import type { UserEvent, UserProfile } from './user.events';
import { checkBinding, checkEmail, checkName, checkRole, normaliseEmail } from './user.rules';
import type { UserState } from './user.state';

/**
 * The User aggregate: registered once, with a role and what the role binds it to. Whether its
 * email is free is no decision of one user's stream: the credentials table's unique index,
 * written in the same transaction, answers it (IDENTITY.USER.EMAIL_TAKEN).
 */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterUser': {
        const { userId, role, consumerId, restaurantId, courierId, name } = command.data;
        if (state.status !== 'UNKNOWN') throw new UserAlreadyExistsError(userId);
        const email = normaliseEmail(command.data.email);
        checkEmail(email);
        checkRole(role);
        checkBinding(role, { consumerId, restaurantId, courierId, name });
        if (name) checkName(name);
        const profile: UserProfile = {
          userId,
          email,
          role,
          ...(consumerId ? { consumerId } : {}),
          ...(restaurantId ? { restaurantId } : {}),
          ...(courierId ? { courierId } : {}),
          ...(name ? { name: { firstName: name.firstName, lastName: name.lastName } } : {}),
        };
        return [{ type: 'UserRegistered', data: profile }];
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { status: 'REGISTERED', ...event.data };
      default:
        return assertNever(event.type);
    }
  },
};
