import { ConsumerErrorCodes as Codes, InvalidConsumerError } from './consumer.errors';
import type { PersonName } from './consumer.events';

// Limits shared with the HTTP layer, which checks them first so bad input never gets here;
// the domain checks again because it is the owner of the rule.
export const ConsumerLimits = {
  maxNameLength: 100,
  /** RFC 5321's limit on a forward path. */
  maxEmailLength: 254,
} as const;

/**
 * local@domain.tld: letters, digits and _ ' + - . in the local part (no leading, trailing or
 * doubled dot), dot-separated labels and a TLD of 2+ letters. No stricter than the contract's
 * email schema, so every email accepted here is one other contexts accept on the wire.
 */
export const EMAIL_PATTERN = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+.-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function checkName(name: PersonName): void {
  for (const field of ['firstName', 'lastName'] as const) {
    if (!isText(name[field], ConsumerLimits.maxNameLength)) {
      throw new InvalidConsumerError(Codes.InvalidName, `name.${field}`, `name.${field} must be 1..${ConsumerLimits.maxNameLength} characters, not blank`);
    }
  }
}

export function checkEmail(email: string): void {
  if (typeof email !== 'string' || email.length > ConsumerLimits.maxEmailLength || !EMAIL_PATTERN.test(email)) {
    throw new InvalidConsumerError(Codes.InvalidEmail, 'email', `email must be an address like name@example.com, at most ${ConsumerLimits.maxEmailLength} characters`);
  }
}

function isText(value: string | undefined, maxLength: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;
}
