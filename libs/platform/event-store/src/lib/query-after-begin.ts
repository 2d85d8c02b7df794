import { Query, type PoolClient, type QueryConfig, type QueryResult } from 'pg';

/** What pg's Query hands to its prepare step: the connection's extended-protocol messages. */
interface ExtendedProtocol {
  parse(config: { text: string }): void;
  bind(config: Record<string, never>): void;
  execute(config: Record<string, never>): void;
}

/** pg's own bookkeeping of the named statements a connection has prepared (see canPipeline). */
interface ConnectionInternals {
  readonly connection?: { readonly parsedStatements?: Record<string, string> };
}

/**
 * pg's Query with the transaction's opening statements (START TRANSACTION, then any beginWith)
 * put in front of it in the SAME extended-protocol pipeline: Parse/Bind/Execute for each of them,
 * then the statement's own messages and one Sync, so the whole goes out in one write and comes
 * back with one ReadyForQuery: one round trip instead of two. The statement keeps its
 * parameters (and its name, so a prepared statement stays prepared); nothing is inlined. An
 * error in any of them skips the rest up to the Sync, as in any pipeline, and leaves the
 * transaction open and failed, for the caller's ROLLBACK.
 * Answers one result per statement sent; queryAfterBegin keeps the caller's own.
 */
class QueryAfterBegin extends Query {
  constructor(
    readonly begin: readonly string[],
    config: QueryConfig,
    callback: (error: Error | undefined, results: unknown) => void,
  ) {
    super(config, callback);
    // Even without parameters: the pipeline only exists in the extended protocol.
    (this as unknown as { queryMode: string }).queryMode = 'extended';
  }

  prepare(connection: ExtendedProtocol): void {
    for (const text of this.begin) {
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    (Query.prototype as unknown as { prepare(connection: ExtendedProtocol): void }).prepare.call(this, connection);
  }
}

/**
 * Sends `begin` and then `config` on `client` in one round trip when it can (see
 * QueryAfterBegin), otherwise as two; answers the statement's own result either way.
 */
export async function queryAfterBegin(client: PoolClient, begin: readonly string[], config: QueryConfig): Promise<QueryResult> {
  if (!canPipeline(client, config)) {
    await client.query(begin.join(';\n'));
    return client.query(config);
  }
  const results = await new Promise<QueryResult[]>((resolve, reject) => {
    client.query(new QueryAfterBegin(begin, config, (error, answer) => (error ? reject(error) : resolve(Array.isArray(answer) ? answer : [answer as QueryResult]))));
  });
  return results[results.length - 1];
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
 * exactly as a plain query would. One query only; the client is itself again after it.
 */
export function beginWithNextQuery(client: PoolClient, begin: readonly string[]): void {
  const own = Object.getOwnPropertyDescriptor(client, 'query');
  const next = (config: string | QueryConfig, values?: unknown[]) => {
    if (own) Object.defineProperty(client, 'query', own);
    else delete (client as { query?: unknown }).query;
    return queryAfterBegin(client, begin, typeof config === 'string' ? { text: config, values } : config);
  };
  Object.defineProperty(client, 'query', { value: next, configurable: true, writable: true });
}
