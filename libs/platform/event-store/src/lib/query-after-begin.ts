import { Query, type PoolClient, type QueryConfig, type QueryResult } from 'pg';

/** The driver's own mapping of JS values to parameter text (arrays, dates, JSON), as pg's Query binds them (untyped by @types/pg). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** One statement of a pipeline, with its parameters (if any); a named one is prepared once per connection. */
export interface PipelinedStatement {
  readonly text: string;
  readonly values?: readonly unknown[];
  readonly name?: string;
}

/** What pg's Query hands to its prepare step: the connection's extended-protocol messages. */
interface ExtendedProtocol {
  /** pg's record of the named statements this connection has prepared (pg skips their Parse). */
  readonly parsedStatements: Record<string, string>;
  parse(config: { text: string; name?: string }): void;
  close(config: { type: 'S'; name: string }): void;
  bind(config: { statement: string; values: readonly unknown[]; valueMapper: typeof prepareValue }): void;
  describe(config: { type: 'P'; name: string }): void;
  execute(config: Record<string, never>): void;
}

/** pg's own bookkeeping of the named statements a connection has prepared (see canPipeline). */
interface ConnectionInternals {
  readonly connection?: { readonly parsedStatements?: Record<string, string> };
}

/**
 * pg's Query with other statements put in front of it in the SAME extended-protocol pipeline:
 * Parse/Bind/Execute for each of them, then the query's own messages and one Sync, so the whole
 * goes out in one write and comes back with one ReadyForQuery: one round trip. Every statement
 * keeps its parameters (and the query its name, so a prepared statement stays prepared); nothing
 * is inlined. An error in any of them skips the rest up to the Sync, as in any pipeline; inside a
 * transaction it is left open and failed, for the caller's ROLLBACK.
 * Answers one result per statement sent (the ones in front included).
 */
class PipelinedQuery extends Query {
  /** Named statements this pipeline prepares, recorded as prepared once it succeeded. */
  private readonly preparing: Array<{ readonly name: string; readonly text: string }> = [];
  private connection: ExtendedProtocol | null = null;

  constructor(
    readonly before: readonly PipelinedStatement[],
    config: QueryConfig,
    callback: (error: Error | undefined, results: unknown) => void,
  ) {
    super(config, (error: Error | undefined, results: unknown) => {
      if (!error) this.recordPrepared();
      callback(error, results);
    });
    // Even without parameters: the pipeline only exists in the extended protocol.
    (this as unknown as { queryMode: string }).queryMode = 'extended';
  }

  /**
   * Read by pg when the query is submitted (see Query.submit). A named statement the connection
   * has prepared is only bound; otherwise it is closed (a Parse of a failed pipeline may have
   * gone through unrecorded; closing a statement that does not exist is no error) and parsed.
   */
  prepare(connection: ExtendedProtocol): void {
    this.connection = connection;
    for (const { name, text, values = [] } of this.before) {
      if (name === undefined) connection.parse({ text });
      else if (connection.parsedStatements[name] !== text) {
        connection.close({ type: 'S', name });
        connection.parse({ name, text });
        this.preparing.push({ name, text });
      }
      connection.bind({ statement: name ?? '', values, valueMapper: prepareValue });
      // Its rows (if any) come back too, and pg needs their description to read them.
      connection.describe({ type: 'P', name: '' });
      connection.execute({});
    }
    (Query.prototype as unknown as { prepare(connection: ExtendedProtocol): void }).prepare.call(this, connection);
  }

  /** After success only: a failed pipeline may have stopped before a Parse (see prepare). */
  private recordPrepared(): void {
    const prepared = this.connection?.parsedStatements;
    if (prepared) for (const { name, text } of this.preparing) prepared[name] = text;
  }

  /** The statements in front, as the test suites' driver spies show them. */
  get begin(): string[] {
    return this.before.map(({ text }) => text);
  }
}

function pipelined(client: PoolClient, before: readonly PipelinedStatement[], config: QueryConfig): Promise<QueryResult[]> {
  return new Promise<QueryResult[]>((resolve, reject) => {
    client.query(new PipelinedQuery(before, config, (error, answer) => (error ? reject(error) : resolve(Array.isArray(answer) ? answer : [answer as QueryResult]))));
  });
}

/**
 * Sends `begin` (START TRANSACTION and the like) and then `config` on `client` in one round trip
 * when it can (see PipelinedQuery), otherwise as two; answers the statement's own result.
 */
export async function queryAfterBegin(client: PoolClient, begin: readonly string[], config: QueryConfig): Promise<QueryResult> {
  if (!canPipeline(client, config)) {
    await client.query(begin.join(';\n'));
    return client.query(config);
  }
  const results = await pipelined(
    client,
    begin.map((text) => ({ text })),
    config,
  );
  return results[results.length - 1];
}

/** Sends `statements` (at least one) in one round trip, in order; the first failure stops the rest. */
export async function sendPipeline(client: PoolClient, statements: readonly PipelinedStatement[]): Promise<void> {
  const last = statements[statements.length - 1];
  await pipelined(client, statements.slice(0, -1), { text: last.text, values: last.values ? [...last.values] : undefined });
}

/**
 * A named statement rides along only once the connection has prepared it: pg marks a name as
 * prepared on the first ParseComplete of the round trip, which would be START TRANSACTION's,
 * so a statement failing its very first Parse would be taken for prepared from then on.
 */
function canPipeline(client: PoolClient, config: QueryConfig): boolean {
  if (!config.name) return true;
  const prepared = (client as unknown as ConnectionInternals).connection?.parsedStatements;
  return prepared?.[config.name] === config.text;
}

/**
 * Makes the client's next query go out with `begin` in front of it (queryAfterBegin): for the
 * statement a library sends on the client itself (TypeORM's runner.query), which answers it
 * exactly as a plain query would. One query only; the client is itself again after it, or once
 * the returned function is called, which answers whether the query had NOT been sent (the
 * library refused the call before reaching the client).
 */
export function beginWithNextQuery(client: PoolClient, begin: readonly string[]): () => boolean {
  const own = Object.getOwnPropertyDescriptor(client, 'query');
  let restored = false;
  const restore = () => {
    if (restored) return false;
    restored = true;
    if (own) Object.defineProperty(client, 'query', own);
    else delete (client as { query?: unknown }).query;
    return true;
  };
  const next = (config: string | QueryConfig, values?: unknown[]) => {
    restore();
    return queryAfterBegin(client, begin, typeof config === 'string' ? { text: config, values } : config);
  };
  Object.defineProperty(client, 'query', { value: next, configurable: true, writable: true });
  return restore;
}
