import { preparedStatementName } from '@brigade/event-store';
import { Client, type QueryConfig } from 'pg';

/** Statements one connection keeps prepared; later ones run unnamed on it. */
const MAX_PREPARED_PER_CONNECTION = 500;

/** PostgreSQL's answer when a prepared statement's result columns changed under it (a table altered). */
const STALE_PLAN = '0A000';

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * A pg Client that prepares every parameterised statement once per connection and from then on
 * only binds and executes it, as the event store's own statements always did: PostgreSQL parses,
 * analyses and plans an unnamed statement on every call, and for the apps' small transactions
 * that was the largest part of its CPU (42% of order-history's backends; docs/benchmarks.md).
 * TypeORM's DataSource takes it as the pool's `Client` (contextDatabaseModule).
 *
 * Only a statement with parameters is named (a text without them may hold several statements,
 * which only the simple protocol runs), with its process-wide name (preparedStatementName). When
 * PostgreSQL refuses a prepared statement because a table's columns changed ("cached plan must
 * not change result type"), the call fails as it would have failed anyway inside its
 * transaction, and the text gets a fresh name on this connection for the next try.
 */
export class PreparingClient extends Client {
  private prepared = 0;
  /** Texts whose first name went stale on this connection, with the name they use now. */
  private readonly renamed = new Map<string, string>();

  // pg's overloads: (text | config | Query, values?, callback?), a promise when there is no callback.
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const named = this.named(config, values);
    if (!named) return (super.query as (...args: unknown[]) => never)(config, values, callback);
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    if (done) return (super.query as (...args: unknown[]) => never)(named, (error: Error | null, result: unknown) => done(this.noticeStale(named, error), result));
    return (super.query(named) as Promise<unknown>).catch((error: Error) => {
      throw this.noticeStale(named, error);
    }) as never;
  }

  private named(config: unknown, values: unknown): QueryConfig | null {
    let query: QueryConfig;
    if (typeof config === 'string' && Array.isArray(values)) query = { text: config, values };
    else if (isPlainConfig(config) && config.name === undefined && Array.isArray(config.values ?? values)) query = { ...config, values: config.values ?? (values as unknown[]) };
    else return null;
    if (query.values?.length === 0) return null;
    const name = this.renamed.get(query.text) ?? preparedStatementName(query.text);
    if (name === undefined) return null;
    const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
    if (parsed[name] === undefined) {
      if (this.prepared >= MAX_PREPARED_PER_CONNECTION) return null;
      this.prepared++;
    }
    return { ...query, name };
  }

  private noticeStale(query: QueryConfig, error: Error | null): Error | null {
    if (error && (error as { code?: string }).code === STALE_PLAN && query.name) {
      this.renamed.set(query.text, `${query.name}_${this.renamed.size + 1}`);
    }
    return error;
  }
}

function isPlainConfig(config: unknown): config is QueryConfig {
  return typeof config === 'object' && config !== null && typeof (config as { submit?: unknown }).submit !== 'function' && typeof (config as { text?: unknown }).text === 'string';
}
