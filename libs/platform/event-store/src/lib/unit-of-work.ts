import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { QueryResult } from 'pg';
import { beginWithNextQuery, PipelinedStatement, ReadAlongStatement, sendPipeline, sendPipelineSettled } from './pipeline';

/**
 * A read sent right after the COMMIT, in its round trip (see readAfterCommit): `statement` is
 * asked for at commit time (null: nothing to read then), and `receive` is told what it read, or
 * null when it was not read or failed, exactly once when `statement` gave one.
 */
export interface ReadAfterCommit {
  statement(): PipelinedStatement | null;
  receive(result: QueryResult | null): void;
}

/** A statement whose answer the work does not need before it commits, sent with the COMMIT (see writeAtCommit). */
export interface WriteAtCommit extends PipelinedStatement {
  /** What a failure of the transaction means for this write: the error to report, or null if it is not about it. */
  readonly failure?: (error: unknown) => Error | null;
  /** A short key of what it writes (e.g. the stream), so that a read of it can send it first (flushWritesAtCommit). */
  readonly key?: string;
  /**
   * Told the statement's result once it ran without error (before the afterCommit hooks), e.g. a
   * row it read, locked, inside the transaction, for what happens after the commit.
   */
  readonly receive?: (result: QueryResult) => void;
}

interface Scope {
  readonly dataSource: DataSource;
  readonly runner: QueryRunner;
  readonly afterCommit: Array<() => void>;
  /** Parameterless statements sent in the COMMIT's own round trip (see commitWith). */
  readonly commitWith: string[];
  /** Parameterised writes sent in the COMMIT's round trip (see writeAtCommit), in order. */
  readonly writesAtCommit: WriteAtCommit[];
  /** START TRANSACTION and the beginWith statements, until they have gone out with the first statement. */
  pendingBegin: string[] | null;
  readonly appendsAtCommit: boolean;
  /** What libraries keep for the length of the transaction (see transactionMemo). */
  readonly memo: Map<symbol, unknown>;
  /** At most one: see readAfterCommit. */
  readAfterCommit: ReadAfterCommit | null;
  /** Reads waiting for the transaction's next pipelined round trip (see readAlong). */
  readonly readsAlong: ReadAlongStatement[];
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
  /**
   * The caller retries the whole transaction when it fails with a ConcurrencyError (the message
   * consumer does), so the event store may send appends with the COMMIT instead of at once: one
   * round trip for all of them, a conflict then failing the transaction (see EventStore.append).
   */
  readonly appendsAtCommit?: boolean;
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
 * repositories) or an event store statement (pipeline.ts), or in the same simple query
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
  const scope: Scope = {
    dataSource,
    runner,
    afterCommit: [],
    commitWith: [],
    writesAtCommit: [],
    pendingBegin: ['START TRANSACTION', ...(options.beginWith ?? [])],
    appendsAtCommit: options.appendsAtCommit === true,
    memo: new Map(),
    readAfterCommit: null,
    readsAlong: [],
  };
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
    if (!pending) return query(...args);
    const client = (await runner.connect()) as PoolClient;
    const unsent = beginWithNextQuery(client, pending, scope.readsAlong);
    try {
      return await query(...args);
    } finally {
      // TypeORM refused the call before sending it: the client keeps no hook, START TRANSACTION stays pending.
      if (unsent()) scope.pendingBegin = pending;
    }
  }) as QueryRunner['query'];
}

function takePendingBegin(scope: Scope): string[] | null {
  const pending = scope.pendingBegin;
  // Taken before it is sent: a failure after this point leaves a transaction to roll back.
  scope.pendingBegin = null;
  return pending;
}

/**
 * Sends the writes at commit, the commitWith statements and COMMIT in ONE round trip (with START
 * TRANSACTION too if nothing was sent before): as one simple query when they are all literal, as
 * one extended-protocol pipeline when writes carry parameters. If a statement fails, PostgreSQL
 * skips the rest, COMMIT included, and the error reaches the caller (as the failing write
 * explains it, see WriteAtCommit.failure), who rolls back.
 */
async function commit(scope: Scope): Promise<void> {
  const pending = takePendingBegin(scope);
  if (pending && scope.commitWith.length === 0 && scope.writesAtCommit.length === 0) return; // nothing was sent: nothing to commit
  // On the driver's client, not runner.query(): a refused statement (an inbox mark meeting a
  // duplicate) is an expected answer, which TypeORM would log as a failed query.
  const client = (await scope.runner.connect()) as PoolClient;
  const read = scope.readAfterCommit;
  const after = read?.statement() ?? null;
  if (scope.writesAtCommit.length === 0 && !after) {
    await client.query([...(pending ?? []), ...scope.commitWith, 'COMMIT'].join(';\n'));
    return;
  }
  const statements = [...(pending ?? []).map((text) => ({ text })), ...scope.writesAtCommit, ...scope.commitWith.map((text) => ({ text })), { text: 'COMMIT' }];
  if (!after) return sendWrites(client, statements);
  const { error, results, completed } = await sendPipelineSettled(client, [...statements, after]);
  read?.receive(error ? null : results[results.length - 1]);
  // The COMMIT completed when only the read after it failed: the transaction is committed all the same.
  if (error && completed < statements.length) throw explained(error, statements);
  deliver(statements, results);
}

/**
 * Sends the ambient transaction's writes at commit whose key is `key` (and every one queued
 * before them, to keep their order) now, in one round trip, with START TRANSACTION if still
 * pending: for a read that must see them (the event store reading a stream it appended to).
 */
export async function flushWritesAtCommit(dataSource: DataSource, key: string): Promise<void> {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) return;
  const last = scope.writesAtCommit.map((write) => write.key).lastIndexOf(key);
  if (last < 0) return;
  const writes = scope.writesAtCommit.splice(0, last + 1);
  const pending = takePendingBegin(scope);
  await sendWrites((await scope.runner.connect()) as PoolClient, [...(pending ?? []).map((text) => ({ text })), ...writes]);
}

async function sendWrites(client: PoolClient, statements: ReadonlyArray<PipelinedStatement | WriteAtCommit>): Promise<void> {
  let results: QueryResult[];
  try {
    results = await sendPipeline(client, statements);
  } catch (error) {
    throw explained(error, statements);
  }
  deliver(statements, results);
}

/** Hands each write that asked for it (WriteAtCommit.receive) its result: `results` answer `statements` one by one. */
function deliver(statements: ReadonlyArray<PipelinedStatement | WriteAtCommit>, results: readonly QueryResult[]): void {
  statements.forEach((statement, i) => {
    if ('receive' in statement && statement.receive) statement.receive(results[i]);
  });
}

/** The error as the write it concerns explains it (WriteAtCommit.failure), or as it is. */
function explained(error: unknown, statements: ReadonlyArray<PipelinedStatement | WriteAtCommit>): unknown {
  for (const statement of statements) {
    const explanation = 'failure' in statement ? statement.failure?.(error) : null;
    if (explanation) return explanation;
  }
  return error;
}

/**
 * Asks the ambient transaction to send `read` right after its COMMIT, in the same round trip (a
 * relay in this process reads the page the commit made readable, see EventStore). One per
 * transaction: a second one is refused (false). Nothing outside a transaction (false).
 */
export function readAfterCommit(dataSource: DataSource, read: ReadAfterCommit): boolean {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource || scope.readAfterCommit) return false;
  scope.readAfterCommit = read;
  return true;
}

/**
 * Queues a parameterised statement for the ambient transaction's COMMIT round trip (before the
 * commitWith statements), in order: for a write (or a read, see WriteAtCommit.receive) whose
 * answer the work does not need before it commits, and whose failure may fail the whole
 * transaction. Throws outside a transaction.
 */
export function writeAtCommit(dataSource: DataSource, write: WriteAtCommit): void {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) throw new Error('writeAtCommit() needs an ambient transaction (runInTransaction)');
  scope.writesAtCommit.push(write);
}

/** The ambient transaction's value under `key` (made by `create` on first use); null outside a transaction. */
export function transactionMemo<T>(dataSource: DataSource, key: symbol, create: () => T): T | null {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) return null;
  if (!scope.memo.has(key)) scope.memo.set(key, create());
  return scope.memo.get(key) as T;
}

/** True inside a transaction whose owner allows appends to wait for the COMMIT (TransactionOptions.appendsAtCommit). */
export function appendsAtCommit(dataSource: DataSource): boolean {
  const scope = scopes.getStore();
  return scope?.dataSource === dataSource && scope.appendsAtCommit;
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
export async function ambientConnection(
  dataSource: DataSource,
): Promise<{ client: PoolClient; pendingBegin: string[] | null; readsAlong: ReadAlongStatement[] } | null> {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) return null;
  const client = (await scope.runner.connect()) as PoolClient;
  return { client, pendingBegin: takePendingBegin(scope), readsAlong: scope.readsAlong };
}

/**
 * Queues a read for the ambient transaction's next pipelined round trip (its first statement's,
 * with START TRANSACTION, or a command's lock and read): it costs no round trip of its own. If
 * none comes, it is never sent (nor answered). Nothing outside a transaction (false).
 */
export function readAlong(dataSource: DataSource, read: ReadAlongStatement): boolean {
  const scope = scopes.getStore();
  if (scope?.dataSource !== dataSource) return false;
  scope.readsAlong.push(read);
  return true;
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
