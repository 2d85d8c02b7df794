import { z } from 'zod';

/** Pino's levels; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const BOOLEAN_WORDS = [...TRUE_WORDS, 'false', '0', 'no', 'off'];

/** A TCP port (1..65535) read from a string; `port(3002)` gives an app its default. */
export function port(defaultPort?: number) {
  const field = z.coerce
    .number({ error: 'must be a port number (1..65535)' })
    .int('must be a port number (1..65535)')
    .min(1, 'must be a port number (1..65535)')
    .max(65535, 'must be a port number (1..65535)');
  return defaultPort === undefined ? field : field.default(defaultPort);
}

/** `true/false`, `1/0`, `yes/no`, `on/off` (any case) read as a boolean. */
export function booleanString(defaultValue: boolean) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => BOOLEAN_WORDS.includes(value), `must be one of ${BOOLEAN_WORDS.join(', ')}`)
    .transform((value) => TRUE_WORDS.includes(value))
    .default(defaultValue);
}

/** A whole number in [min, max] read from a string. */
export function integerString(options: { min: number; max: number; default: number }) {
  const message = `must be a whole number from ${options.min} to ${options.max}`;
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(options.min, message)
    .max(options.max, message)
    .default(options.default);
}

/** A PostgreSQL connection URL (postgres:// or postgresql://). */
export function postgresUrl() {
  return z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' });
}

/** One or more NATS server URLs, comma-separated (nats://, tls://, ws://, wss://). */
export function natsServers(defaultValue: string) {
  return z
    .string()
    .refine(
      (value) => value.split(',').every((server) => /^(nats|tls|ws|wss):\/\/[^\s,]+$/.test(server.trim())),
      'must be nats:// URLs, comma-separated',
    )
    .default(defaultValue);
}

/** A NATS user name: also a subject token (the user's inbox is `_INBOX.<user>.>`). */
export function natsUser() {
  return z.string().regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, '-' or '_' (a NATS user of docs/security.md)");
}
