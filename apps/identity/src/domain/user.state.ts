import type { UserProfile } from './user.events';

/** A user id nobody registered is UNKNOWN; a registered user may log in with its role and binding. */
export type UserState = { readonly status: 'UNKNOWN' } | ({ readonly status: 'REGISTERED' } & UserProfile);

export type RegisteredUser = Exclude<UserState, { status: 'UNKNOWN' }>;
