import { z } from 'zod';

/** `<context>.<aggregate>.<event>.v<N>`, lower-case, kebab-case event. */
const SUBJECT = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/**
 * An integration event as other contexts see it: its subject, its runtime schema and an
 * example fixture that satisfies the schema (tests publish fixtures to stand in for a context).
 */
export interface Contract<T> {
  readonly subject: string;
  readonly schema: z.ZodType<T>;
  readonly example: T;
  /** Validates an incoming payload; throws a ContractViolation naming the bad fields. */
  parse(payload: unknown): T;
}

/** A payload that breaks its contract. Never retried by a consumer (`retryable`): it is parked at once. */
export class ContractViolation extends Error {
  readonly code = 'CONTRACTS.PAYLOAD.INVALID';
  readonly retryable = false;
  constructor(
    readonly subject: string,
    readonly issues: string[],
  ) {
    super(`Payload of ${subject} breaks its contract: ${issues.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

export function defineContract<T>(subject: string, schema: z.ZodType<T>, example: T): Contract<T> {
  if (!SUBJECT.test(subject)) throw new Error(`Subject ${subject} is not <context>.<aggregate>.<event>.v<N>`);
  const parse = (payload: unknown): T => {
    const result = schema.safeParse(payload);
    if (!result.success) {
      throw new ContractViolation(
        subject,
        result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    }
    return result.data;
  };
  parse(example);
  return { subject, schema, example, parse };
}

/** Shared field schemas. Money is an integer number of cents; ids are UUIDs. */
export const cents = z.number().int().nonnegative();
export const uuid = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** Copy of a contract's example with overrides (object mother for tests). */
export function exampleOf<T extends object>(contract: Contract<T>, overrides: Partial<T> = {}): T {
  return { ...structuredClone(contract.example), ...overrides };
}
