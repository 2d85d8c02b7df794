import { RelayLogger } from './relay-types';

/** Default when no logger is injected: one JSON line per entry (debug entries are dropped). */
export const consoleRelayLogger: RelayLogger = {
  log: (message) => console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), ...message })),
  warn: (message) => console.warn(JSON.stringify({ level: 'warn', time: new Date().toISOString(), ...message })),
  error: (message) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), ...message })),
};
