import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where ports for servers a test starts later are drawn from: below the kernel's ephemeral range. */
const LOWEST = 10_000;

/**
 * A TCP port nobody listens on right now, for a server that a test starts a moment later (an app
 * process, a broker). It is drawn at random from below the kernel's ephemeral range: a port from
 * that range (what binding port 0 hands out) can be taken in between by any outgoing connection of
 * any process, and was (EADDRINUSE for an app of the e2e platform while other suites ran).
 */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < 50 && highest > LOWEST; attempt++) {
    const candidate = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (await canListen(candidate)) return candidate;
  }
  return listenOnAnyPort();
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > LOWEST ? low : 32_768;
  } catch {
    return 32_768; // not Linux: Linux's default; macOS starts at 49152
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function listenOnAnyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
