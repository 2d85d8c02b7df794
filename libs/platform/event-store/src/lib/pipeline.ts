import { Query, type PoolClient, type QueryConfig, type QueryResult } from 'pg';

/** The driver's own mapping of JS values to parameter text (arrays, dates, JSON), as pg's Query binds them (untyped by @types/pg). */
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
  sync(): void;
}

/**
 * Several statements in ONE extended-protocol pipeline: Parse (when needed), Bind, Describe and
 * Execute for each, then one Sync, so the whole goes out in one write and comes back with one
 * ReadyForQuery: one round trip. Every statement keeps its parameters; nothing is inlined. A
 * named statement the connection has prepared is only bound; otherwise it is closed (a Parse of
 * a failed pipeline may have gone through unrecorded; closing a statement that does not exist is
 * no error), parsed, and recorded in pg's own record of prepared statements once the pipeline
 * succeeded, so pg and this share it. An error in any statement skips the rest up to the Sync,
 * as in any pipeline; inside a transaction it is left open and failed, for the caller's ROLLBACK.
 * Answers one result per statement.
 */
class Pipeline extends Query {
  /** Named statements this pipeline prepares, recorded as prepared once it succeeded. */
  private readonly preparing: Array<{ readonly name: string; readonly text: string }> = [];
  private connection: ExtendedProtocol | null = null;
  /** Statements that completed, in order: on an error, the ones before it took effect (a COMMIT among them did commit). */
  completed = 0;

  constructor(
    readonly statements: readonly PipelinedStatement[],
    callback: (error: Error | undefined, results: unknown, completed: number) => void,
  ) {
    // pg itself only sees an unnamed query (it would otherwise record names on the first ParseComplete of the round trip).
    super({ text: statements[statements.length - 1].text }, (error: Error | undefined, results: unknown) => {
      if (!error) this.recordPrepared();
      callback(error, results, this.completed);
    });
    // Even without parameters: the pipeline only exists in the extended protocol.
    (this as unknown as { queryMode: string }).queryMode = 'extended';
  }

  /** Read by pg when the query is submitted (see Query.submit), inside its cork/uncork. */
  prepare(connection: ExtendedProtocol): void {
    this.connection = connection;
    for (const { name, text, values = [] } of this.statements) {
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
    connection.sync();
  }

  handleCommandComplete(message: unknown, connection: unknown): void {
    this.completed += 1;
    (Query.prototype as unknown as { handleCommandComplete(message: unknown, connection: unknown): void }).handleCommandComplete.call(this, message, connection);
  }

  /** After success only: a failed pipeline may have stopped before a Parse. */
  private recordPrepared(): void {
    const prepared = this.connection?.parsedStatements;
    if (prepared) for (const { name, text } of this.preparing) prepared[name] = text;
  }

  /** The statements before the last, as the test suites' driver spies show them. */
  get begin(): string[] {
    return this.statements.slice(0, -1).map(({ text }) => text);
  }
}

/** Sends `statements` (at least one) in one round trip, in order (see Pipeline); answers one result each. */
export async function sendPipeline(client: PoolClient, statements: readonly PipelinedStatement[]): Promise<QueryResult[]> {
  const { error, results } = await sendPipelineSettled(client, statements);
  if (error !== undefined) throw error;
  return results;
}

/** sendPipeline, answering a failure too, with how many statements completed before it. */
export function sendPipelineSettled(
  client: PoolClient,
  statements: readonly PipelinedStatement[],
): Promise<{ readonly error?: Error; readonly results: QueryResult[]; readonly completed: number }> {
  return new Promise((resolve) => {
    client.query(
      new Pipeline(statements, (error, answer, completed) =>
        resolve(error ? { error, results: [], completed } : { results: Array.isArray(answer) ? answer : [answer as QueryResult], completed }),
      ),
    );
  });
}

/** A read sent along with other statements (see withReadsAlong): its result goes to `receive`, null if it failed. */
export interface ReadAlongStatement {
  readonly statement: PipelinedStatement;
  receive(result: QueryResult | null): void;
}

/**
 * Sends `opening` (START TRANSACTION and the like), `statements`, then the queued `reads` (taken
 * from the array: last, so that they read after a lock the statements take) in one round trip;
 * each read gets its result, and the answer is the others' results.
 */
export async function withReadsAlong(
  client: PoolClient,
  opening: readonly PipelinedStatement[],
  reads: ReadAlongStatement[],
  statements: readonly PipelinedStatement[],
): Promise<QueryResult[]> {
  const along = reads.splice(0);
  const results = await sendPipeline(client, [...opening, ...statements, ...along.map((read) => read.statement)]).catch((error: unknown) => {
    for (const read of along) read.receive(null);
    throw error;
  });
  const answered = opening.length + statements.length;
  along.forEach((read, i) => read.receive(results[answered + i]));
  return results.slice(0, answered);
}

/** Sends `begin` (START TRANSACTION and the like), the queued `reads`, then `config` on `client` in one round trip; answers the statement's own result. */
export async function queryAfterBegin(client: PoolClient, begin: readonly string[], config: QueryConfig, reads: ReadAlongStatement[] = []): Promise<QueryResult> {
  const results = await withReadsAlong(client, begin.map((text) => ({ text })), reads, [{ name: config.name, text: config.text, values: config.values }]);
  return results[results.length - 1];
}

/**
 * Makes the client's next query go out with `begin` in front of it (queryAfterBegin): for the
 * statement a library sends on the client itself (TypeORM's runner.query), which answers it
 * exactly as a plain query would. One query only; the client is itself again after it, or once
 * the returned function is called, which answers whether the query had NOT been sent (the
 * library refused the call before reaching the client).
 */
export function beginWithNextQuery(client: PoolClient, begin: readonly string[], reads: ReadAlongStatement[] = []): () => boolean {
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
    return queryAfterBegin(client, begin, typeof config === 'string' ? { text: config, values } : config, reads);
  };
  Object.defineProperty(client, 'query', { value: next, configurable: true, writable: true });
  return restore;
}
