import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface Scope {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  readonly afterCommit: Array<() => void>;
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs `work` in a transaction that everything below it joins (the event store, inbox,
 * read-model writes), so that a message's effect and its inbox record commit together.
 * A nested call on the same DataSource joins the outer transaction.
 */
export async function runInTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const outer = scopes.getStore();
  if (outer?.dataSource === dataSource) return work(outer.manager);
  const afterCommit: Array<() => void> = [];
  const result = await dataSource.transaction((manager) =>
    scopes.run({ dataSource, manager, afterCommit }, () => work(manager)),
  );
  for (const hook of afterCommit) hook();
  return result;
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
