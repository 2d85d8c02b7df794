import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { beginWithNextQuery } from './query-after-begin';

interface Scope {
  readonly dataSource: DataSource;
  readonly runner: QueryRunner;
  readonly afterCommit: Array<() => void>;
  /** Parameterless statements sent in the COMMIT's own round trip (see commitWith). */
  readonly commitWith: string[];
  /** START TRANSACTION and the beginWith statements, until they have gone out with the first statement. */
  pendingBegin: string[] | null;
}

const scopes = new AsyncLocalStorage<Scope>();

export interface TransactionOptions {
  /**
   * Parameterless statements sent with START TRANSACTION, e.g. `SET LOCAL lock_timeout = '100ms'`.
   * Every value in them must be a literal the caller has validated.
   */
  readonly beginWith?: readonly string[];
  /**
   * The caller expects statements to fail now and then and handles it (a consumer batch falls
   * back to one message per transaction): their failures are no errors for the logs. Marks the
   * query runner's `data` with EXPECTED_FAILURES for the DataSource's logger.
   */
  readonly failuresExpected?: boolean;
}

/** Key in a QueryRunner's `data`: its failed statements are expected (see TransactionOptions). */
export const EXPECTED_FAILURES = 'brigade.failuresExpected';

/**
 * Runs `work` in a transaction that everything below it joins (the event store, inbox,
 * read-model writes), so that a message's effect and its inbox record commit together.
 * A nested call on the same DataSource joins the outer transaction.
 *
 * START TRANSACTION is not a round trip of its own: it goes out with the transaction's first
 * statement, in the same extended-protocol pipeline as a TypeORM query (the manager,
 * repositories) or an event store statement (query-after-begin.ts), or in the same simple query
 * as the event store's first read when it can (see takePendingBegin), and
 * a transaction whose only statements are commitWith ones sends everything at once. A
 * transaction that never touched the database costs no round trip at all.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const outer = scopes.getStore();
  if (outer?.dataSource === dataSource) return work(outer.runner.manager);
  const runner = dataSource.createQueryRunner();
  if (options.failuresExpected) runner.data = { ...runner.data, [EXPECTED_FAILURES]: true };
  const scope: Scope = { dataSource, runner, afterCommit: [], commitWith: [], pendingBegin: ['START TRANSACTION', ...(options.beginWith ?? [])] };
  beginOnFirstQuery(scope);
  let result: T;
  try {
    result = await scopes.run(scope, () => work(runner.manager));
    await commit(scope);
  } catch (error) {
    if (scope.pendingBegin === null) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
    await runner.release();
  }
  for (const hook of scope.afterCommit) hook();
  return result;
}

/**
 * TypeORM's bookkeeping says "in a transaction" from the start (so that save() and friends do
 * not open one of their own), and the runner's query() sends the pending START TRANSACTION first.
 */
function beginOnFirstQuery(scope: Scope): void {
  const { runner } = scope;
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    const pending = takePendingBegin(scope);
    if (pending) beginWithNextQuery((await runner.connect()) as PoolClient, pending);
    return query(...args);
  }) as QueryRunner['query'];
}

function takePendingBegin(scope: Scope): string[] | null {
  const pending = scope.pendingBegin;
  // Taken before it is sent: a failure after this point leaves a transaction to roll back.
  scope.pendingBegin = null;
  return pending;
}

/**
 * Sends `statements` and COMMIT as ONE simple query: one round trip instead of two (with START
 * TRANSACTION too if nothing was sent before). If a statement fails, PostgreSQL skips the rest of
 * the string, COMMIT included, and the error reaches the caller, who rolls back.
 */
async function commit(scope: Scope): Promise<void> {
  const pending = takePendingBegin(scope);
  if (pending && scope.commitWith.length === 0) return; // nothing was sent: nothing to commit
  // On the driver's client, not runner.query(): a refused statement (an inbox mark meeting a
  // duplicate) is an expected answer, which TypeORM would log as a failed query.
  const client = (await scope.runner.connect()) as PoolClient;
  await client.query([...(pending ?? []), ...scope.commitWith, 'COMMIT'].join(';\n'));
}

/**
 * Adds a statement to the ambient transaction's COMMIT round trip: for a final write whose
 * answer the work does not need (e.g. an inbox mark). It takes no parameters, so every value in
 * it must be a literal the caller has validated. A failure rolls the whole transaction back.
 * Throws outside a transaction.
 */
export function commitWith(dataSource: DataSource, statement: string): void {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) throw new Error('commitWith() needs an ambient transaction (runInTransaction)');
  scope.commitWith.push(statement);
}

/** The ambient transaction's manager, or the DataSource's own when there is none. */
export function currentManager(dataSource: DataSource): EntityManager {
  const scope = scopes.getStore();
  return scope?.dataSource === dataSource ? scope.runner.manager : dataSource.manager;
}

export function inTransaction(dataSource: DataSource): boolean {
  return scopes.getStore()?.dataSource === dataSource;
}

/**
 * The ambient transaction's connection, for statements sent on the driver itself, and what must
 * go out before (or with) the caller's first statement: START TRANSACTION and its beginWith
 * statements the first time, nothing after. The caller must send `pendingBegin` first, or in the
 * same simple query; null without an ambient transaction.
 */
export async function ambientConnection(dataSource: DataSource): Promise<{ client: PoolClient; pendingBegin: string[] | null } | null> {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) return null;
  const client = (await scope.runner.connect()) as PoolClient;
  return { client, pendingBegin: takePendingBegin(scope) };
}

/** True inside a transaction that has sent nothing yet (its START TRANSACTION is still pending). */
export function transactionPending(dataSource: DataSource): boolean {
  const scope = scopes.getStore();
  return scope?.dataSource === dataSource && scope.pendingBegin !== null;
}

/** Runs `hook` once the ambient transaction has committed (at once when there is none). */
export function afterCommit(dataSource: DataSource, hook: () => void): void {
  const scope = scopes.getStore();
  if (scope?.dataSource === dataSource) scope.afterCommit.push(hook);
  else hook();
}
