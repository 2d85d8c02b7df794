import { InvalidUserError, UserErrorCodes as Codes } from './user.errors';
import { PersonName, USER_ROLES, UserRole } from './user.events';

// Limits shared with the HTTP layer, which checks them first so bad input never gets here; the
// domain checks again because it is the owner of the rule. Name and email rules are a copy of the
// consumers context's (apps/consumers/src/domain/consumer.rules.ts): a consumer user's profile
// must be one consumers accepts when it registers the Consumer from identity.user.registered.v1.
// Keep them no looser than those.
export const UserLimits = {
  maxNameLength: 100,
  /** RFC 5321's limit on a forward path. */
  maxEmailLength: 254,
  /** Length alone, no composition rules (NIST SP 800-63B): long passphrases are welcome. */
  minPasswordLength: 12,
  /** Bounds the work of hashing a password an attacker sends. */
  maxPasswordLength: 256,
} as const;

/** The consumers context's email pattern (see above). */
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+.-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** What an email is compared and stored as: `  Ada@Example.COM ` and `ada@example.com` are one user. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(email: string): void {
  if (typeof email !== 'string' || email.length > UserLimits.maxEmailLength || !EMAIL_PATTERN.test(email)) {
    throw new InvalidUserError(Codes.InvalidEmail, 'email', `email must be an address like name@example.com, at most ${UserLimits.maxEmailLength} characters`);
  }
}

export function checkName(name: PersonName): void {
  for (const field of ['firstName', 'lastName'] as const) {
    const value = name[field];
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > UserLimits.maxNameLength) {
      throw new InvalidUserError(Codes.InvalidName, `name.${field}`, `name.${field} must be 1..${UserLimits.maxNameLength} characters, not blank`);
    }
  }
}

/** Checked before the password is hashed (the hash is never decided on); counted in UTF-16 units, as the HTTP layer counts. */
export function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length < UserLimits.minPasswordLength || password.length > UserLimits.maxPasswordLength) {
    throw new InvalidUserError(
      Codes.InvalidPassword,
      'password',
      `password must be ${UserLimits.minPasswordLength}..${UserLimits.maxPasswordLength} characters`,
    );
  }
}

export function checkRole(role: string): asserts role is UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) {
    throw new InvalidUserError(Codes.InvalidRole, 'role', `role must be one of ${USER_ROLES.join(', ')}`);
  }
}

type Binding = 'consumerId' | 'restaurantId' | 'courierId' | 'name';

/** What each role is bound to: required for that role, refused for every other. */
export const BINDINGS_OF: Readonly<Record<UserRole, readonly Binding[]>> = {
  consumer: ['consumerId', 'name'],
  restaurant: ['restaurantId'],
  courier: ['courierId'],
  admin: [],
};

export function checkBinding(role: UserRole, given: Partial<Record<Binding, unknown>>): void {
  for (const field of ['consumerId', 'restaurantId', 'courierId', 'name'] as const) {
    const required = BINDINGS_OF[role].includes(field);
    const present = given[field] !== undefined;
    if (required && !present) throw new InvalidUserError(Codes.InvalidBinding, field, `${field} is required for a ${role} user`);
    if (!required && present) throw new InvalidUserError(Codes.InvalidBinding, field, `${field} must not be given for a ${role} user`);
  }
}
