import type { PersonName, UserRole } from './user.events';

// What may be asked of a user. Ids come in with the command (the domain never makes them); the
// password never does: it is hashed and stored beside the events, never decided on here.
export type RegisterUser = {
  readonly type: 'RegisterUser';
  readonly data: {
    readonly userId: string;
    readonly email: string;
    readonly role: UserRole;
    readonly consumerId?: string;
    readonly restaurantId?: string;
    readonly courierId?: string;
    readonly name?: PersonName;
  };
};

export type UserCommand = RegisterUser;
