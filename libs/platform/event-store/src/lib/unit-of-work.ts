import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface Scope {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  readonly afterCommit: Array<() => void>;
  /** Parameterless statements sent in the COMMIT's own round trip (see commitWith). */
  readonly commitWith: string[];
}

const scopes = new AsyncLocalStorage<Scope>();

export interface TransactionOptions {
  /**
   * Parameterless statements sent in START TRANSACTION's own round trip, e.g.
   * `SET LOCAL lock_timeout = '100ms'`. Every value in them must be a literal the caller has validated.
   */
  readonly beginWith?: readonly string[];
}

/**
 * Runs `work` in a transaction that everything below it joins (the event store, inbox,
 * read-model writes), so that a message's effect and its inbox record commit together.
 * A nested call on the same DataSource joins the outer transaction.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const outer = scopes.getStore();
  if (outer?.dataSource === dataSource) return work(outer.manager);
  const runner = dataSource.createQueryRunner();
  const scope: Scope = { dataSource, manager: runner.manager, afterCommit: [], commitWith: [] };
  let result: T;
  try {
    await begin(runner, options.beginWith ?? []);
    result = await scopes.run(scope, () => work(runner.manager));
    await commit(runner, scope.commitWith);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
  for (const hook of scope.afterCommit) hook();
  return result;
}

/** START TRANSACTION, with `statements` in the same simple query when there are any. */
async function begin(runner: QueryRunner, statements: readonly string[]): Promise<void> {
  if (statements.length === 0) return runner.startTransaction();
  const client = (await runner.connect()) as { query(text: string): Promise<unknown> };
  // TypeORM's bookkeeping first: if a statement fails after START TRANSACTION, the caller rolls back.
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  await client.query(`START TRANSACTION;\n${statements.join(';\n')}`);
}

/**
 * Sends `statements` and COMMIT as ONE simple query: one round trip instead of two. If a
 * statement fails, PostgreSQL skips the rest of the string, COMMIT included, and the error
 * reaches the caller, who rolls back.
 */
async function commit(runner: QueryRunner, statements: readonly string[]): Promise<void> {
  if (statements.length === 0) return runner.commitTransaction();
  // On the driver's client, not runner.query(): a refused statement (an inbox mark meeting a
  // duplicate) is an expected answer, which TypeORM would log as a failed query.
  const client = (await runner.connect()) as { query(text: string): Promise<unknown> };
  await client.query(`${statements.join(';\n')};\nCOMMIT`);
  // TypeORM did not send this COMMIT itself: bring its bookkeeping in line.
  Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
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
  return scope?.dataSource === dataSource ? scope.manager : dataSource.manager;
}

export function inTransaction(dataSource: DataSource): boolean {
  return scopes.getStore()?.dataSource === dataSource;
}

/** The query runner of the ambient transaction, if any. */
export function ambientQueryRunner(dataSource: DataSource): QueryRunner | undefined {
  const scope = scopes.getStore();
  return scope?.dataSource === dataSource ? scope.manager.queryRunner : undefined;
}

/** Runs `hook` once the ambient transaction has committed (at once when there is none). */
export function afterCommit(dataSource: DataSource, hook: () => void): void {
  const scope = scopes.getStore();
  if (scope?.dataSource === dataSource) scope.afterCommit.push(hook);
  else hook();
}
