import { z } from 'zod';
import { SET_TOGETHER } from './base-config.schema';
import { ConfigValidationError, InvalidVariable } from './config-validation.error';

type Env = Record<string, string | undefined>;

/** An app's validated configuration: its schema and a loader that fails with every bad variable. */
export interface ConfigDefinition<T extends object> {
  readonly schema: z.ZodType<T>;
  load(env?: Env): T;
}

export type ConfigOf<D> = D extends ConfigDefinition<infer T> ? T : never;

export function defineConfig<S extends z.ZodObject>(schema: S): ConfigDefinition<z.output<S>> {
  return { schema: schema as unknown as z.ZodType<z.output<S>>, load: (env = process.env) => loadConfig(schema, env) };
}

/**
 * Validates the environment against `schema` and returns the typed config.
 * Empty variables count as unset (so `PORT=` falls back to the default, `DATABASE_URL=` is missing).
 * Variables of a SET_TOGETHER pair are refused one without the other (a NATS user without its password).
 * Throws ConfigValidationError naming every bad variable; values are never echoed.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.output<S> {
  const input: Env = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  const unpaired = unpairedVariables(schema, input);
  if (result.success && unpaired.length === 0) return result.data;
  throw new ConfigValidationError([...(result.success ? [] : result.error.issues.map((issue) => describe(issue, input))), ...unpaired]);
}

function unpairedVariables(schema: z.ZodObject, input: Env): InvalidVariable[] {
  return SET_TOGETHER.filter(([a, b]) => a in schema.shape && b in schema.shape).flatMap(([a, b]) => {
    if ((input[a] === undefined) === (input[b] === undefined)) return [];
    const [missing, given] = input[a] === undefined ? [a, b] : [b, a];
    return [{ variable: missing, message: `is required when ${given} is set` }];
  });
}

function describe(issue: z.core.$ZodIssue, input: Env): InvalidVariable {
  const variable = issue.path.map(String).join('.') || '(environment)';
  const missing = issue.path.length === 1 && input[String(issue.path[0])] === undefined;
  return { variable, message: missing ? 'is required' : issue.message };
}
