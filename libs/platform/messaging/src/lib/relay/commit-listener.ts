import { Client, ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { backoffDelay, sleep } from './backoff';
import { RelayLogger } from './relay-types';

/**
 * A dedicated PostgreSQL connection that LISTENs for the event store's commit notifications.
 * It reconnects (and LISTENs again) after any connection loss; since notifications sent while
 * it was away are lost, every (re)connect also counts as a wake-up. Missing one only costs
 * latency: the relay's safety poll still finds the events.
 */
export class CommitListener {
  private stopping = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger: RelayLogger,
  ) {}

  start(): void {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const lost = await this.listenUntilConnectionLost();
        failures = 0;
        if (!this.stopping.signal.aborted) this.logger.warn({ msg: 'relay LISTEN connection lost; reconnecting', reason: lost });
      } catch (error) {
        failures++;
        this.logger.warn({ msg: 'relay LISTEN connection failed', error: String(error), attempt: failures });
      }
      await sleep(backoffDelay(failures + 1, 100, 5_000), this.stopping.signal);
    }
  }

  private async listenUntilConnectionLost(): Promise<string> {
    const client = new Client({ ...this.config, keepAlive: true, connectionTimeoutMillis: 10_000, application_name: 'brigade-relay-listen' });
    // Without an 'error' listener a dropped connection would crash the process.
    let onStop = (): void => undefined;
    const lost = new Promise<string>((resolve) => {
      client.on('error', (error) => resolve(String(error)));
      client.on('end', () => resolve('connection ended'));
      onStop = () => resolve('stopping');
      this.stopping.signal.addEventListener('abort', onStop, { once: true });
    });
    try {
      const connected = await Promise.race([client.connect().then(() => true), lost.then(() => false)]);
      if (!connected) return 'connection lost while connecting';
      client.on('notification', () => this.onNotify());
      await client.query(`LISTEN "${this.channel}"`);
      this.onNotify();
      return await lost;
    } finally {
      this.stopping.signal.removeEventListener('abort', onStop);
      // Not awaited: ending a client whose connection already failed may never settle.
      void client.end().catch(() => undefined);
    }
  }
}

/** Connection settings of the relay's own LISTEN client, taken from the context's DataSource. */
export function listenConfigOf(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as {
    url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string; ssl?: ClientConfig['ssl'];
  };
  const config: ClientConfig = {};
  if (o.url) config.connectionString = o.url;
  if (o.host) config.host = o.host;
  if (o.port) config.port = o.port;
  if (o.username) config.user = o.username;
  if (typeof o.password === 'string') config.password = o.password;
  if (o.database) config.database = o.database;
  if (o.ssl) config.ssl = o.ssl;
  return config;
}
