import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/problem';

/**
 * Flattens class-validator's error tree into one entry per broken rule, each naming the full
 * path of its field (`menu.0.priceCents`, `address.city`).
 */
export function toFieldErrors(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = join(parentPath, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, message: explain(rule, message, error.property) }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function join(parent: string, property: string | undefined): string {
  // class-validator reports the whole value (e.g. a body that is not an object) with no property.
  if (property === undefined || property === '') return parent || 'body';
  return parent ? `${parent}.${property}` : property;
}

function explain(rule: string, message: string, property: string | undefined): string {
  if (rule === 'whitelistValidation') return 'is not an accepted field';
  if (rule === 'unknownValue') return 'must be an object of the expected shape';
  return property ? message.replace(new RegExp(`^${escape(property)} `), '') : message;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
