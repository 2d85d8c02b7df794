import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { UserRoleV1, userRoleV1Schema } from './identity-fields';

export const userRegisteredV1Subject = 'identity.user.registered.v1';

const personName = z.strictObject({ firstName: z.string().min(1), lastName: z.string().min(1) });

type BindingField = 'consumerId' | 'restaurantId' | 'courierId' | 'name';

/** What each role's registration carries besides id, role and email. */
const BINDING_FIELDS: Readonly<Record<UserRoleV1, readonly BindingField[]>> = {
  consumer: ['consumerId', 'name'],
  restaurant: ['restaurantId'],
  courier: ['courierId'],
  admin: [],
};

/**
 * A user may now log in. A consumer user names its new consumer (`consumerId`, `name`): the
 * consumers context registers that Consumer. Restaurant staff name their restaurant, couriers
 * their courier, admins neither. The email is normalised (trimmed, lower-case). No credential of
 * any kind travels here.
 */
export const userRegisteredV1Schema = z
  .strictObject({
    userId: uuid,
    role: userRoleV1Schema,
    email: z.email(),
    consumerId: uuid.optional(),
    restaurantId: uuid.optional(),
    courierId: uuid.optional(),
    name: personName.optional(),
  })
  .superRefine((user, context) => {
    const required = BINDING_FIELDS[user.role];
    for (const field of ['consumerId', 'restaurantId', 'courierId', 'name'] as const) {
      const present = user[field] !== undefined;
      if (present !== required.includes(field)) {
        const message = present ? `must be absent for a ${user.role} user` : `is required for a ${user.role} user`;
        context.addIssue({ code: 'custom', path: [field], message });
      }
    }
  });
export type UserRegisteredV1 = z.infer<typeof userRegisteredV1Schema>;

export const userRegisteredV1 = defineContract<UserRegisteredV1>(userRegisteredV1Subject, userRegisteredV1Schema, {
  userId: '7f3e2d1c-0b9a-4f8e-9d7c-6b5a4f3e2d01',
  role: 'consumer',
  email: 'ada@example.com',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  name: { firstName: 'Ada', lastName: 'Lovelace' },
});
