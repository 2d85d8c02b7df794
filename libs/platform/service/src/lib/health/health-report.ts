/**
 * What /health may show of the indicators' reports. /health is public, so a string naming a
 * server (a URL, an IP address, a host:port) is replaced, whichever indicator put it there: a
 * driver's error message, a client's server list. Indicators should never report one (the NATS
 * one reports an rtt and fixed reasons); this is the net under them.
 */
const SERVER_ADDRESSES = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, // URLs, with any credentials in them
  /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, // IPv4 addresses
  /\[[0-9a-f:]+\](?::\d{1,5})?/gi, // bracketed IPv6 addresses
  /\b[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*:\d{2,5}\b/g, // host:port (lower case: an ISO time's "T10:00" is not one)
];

export const REDACTED = '[redacted]';

export function withoutServerAddresses<T>(value: T): T {
  if (typeof value === 'string') return SERVER_ADDRESSES.reduce((text, pattern) => text.replace(pattern, REDACTED), value as string) as T;
  if (Array.isArray(value)) return value.map((item) => withoutServerAddresses(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutServerAddresses(item)])) as T;
  }
  return value;
}
