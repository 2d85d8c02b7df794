import { z } from 'zod';

/** The context name: JetStream stream `IDENTITY` captures `identity.>`. */
export const identityContext = 'identity';

/** The roles a user may hold; each but admin binds the user to one consumer, restaurant or courier. */
export const userRolesV1 = ['consumer', 'restaurant', 'courier', 'admin'] as const;
export const userRoleV1Schema = z.enum(userRolesV1);
export type UserRoleV1 = z.infer<typeof userRoleV1Schema>;
