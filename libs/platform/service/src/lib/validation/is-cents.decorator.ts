import { ValidateBy, ValidationOptions } from 'class-validator';

/** Largest amount accepted at the edge: 100 000.00 in any currency. */
export const MAX_CENTS = 10_000_000;

export function isCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_CENTS;
}

/** Money is an integer number of cents, 0..MAX_CENTS (no floats, no negatives, no strings). */
export function IsCents(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCents',
      validator: {
        validate: (value) => isCents(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an integer number of cents from 0 to ${MAX_CENTS}`,
      },
    },
    options,
  );
}
