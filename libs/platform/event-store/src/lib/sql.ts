import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { queryAfterBegin, withReadsAlong } from './pipeline';
import { Statement } from './statements';
import { ambientConnection } from './unit-of-work';

/**
 * Runs named statements on the pg driver beneath TypeORM: on the ambient transaction's
 * connection when there is one, otherwise on the pool (each statement its own transaction).
 */
export class Sql {
  constructor(private readonly dataSource: DataSource) {}

  async query<R extends QueryResultRow>(statement: Statement, values: unknown[]): Promise<R[]> {
    const config = { name: statement.name, text: statement.text, values };
    const ambient = await ambientConnection(this.dataSource);
    // A transaction's START TRANSACTION goes out in the same round trip as its first statement.
    if (ambient?.pendingBegin) return (await queryAfterBegin(ambient.client, ambient.pendingBegin, config, ambient.readsAlong)).rows as R[];
    return (await (ambient?.client ?? this.pool()).query<R>(config)).rows;
  }

  /**
   * Several named statements in ONE round trip (an extended-protocol pipeline, see
   * pipeline.ts) on the ambient transaction's connection, START TRANSACTION in front if
   * still pending; parameters stay parameters, the statements stay prepared. One result per
   * statement. Throws outside a transaction.
   */
  async inOneRoundTrip(parts: ReadonlyArray<{ readonly statement: Statement; readonly values: readonly unknown[] }>): Promise<QueryResult[]> {
    const ambient = await ambientConnection(this.dataSource);
    if (!ambient) throw new Error('Sql.inOneRoundTrip needs an ambient transaction');
    const begin = (ambient.pendingBegin ?? []).map((text) => ({ text }));
    const results = await withReadsAlong(ambient.client, begin, ambient.readsAlong, parts.map(({ statement, values }) => ({ ...statement, values })));
    return results.slice(begin.length);
  }

  /** Always on the pool: for reads that must not see an uncommitted ambient transaction. */
  async queryOutsideTransaction<R extends QueryResultRow>(statement: Statement, values: unknown[]): Promise<R[]> {
    return (await this.pool().query<R>({ name: statement.name, text: statement.text, values })).rows;
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}
