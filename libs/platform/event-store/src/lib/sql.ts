import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
import { queryAfterBegin } from './query-after-begin';
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
    if (ambient?.pendingBegin) return (await queryAfterBegin(ambient.client, ambient.pendingBegin, config)).rows as R[];
    return (await (ambient?.client ?? this.pool()).query<R>(config)).rows;
  }

  /**
   * Several statements as ONE simple query (one round trip) on the ambient transaction's
   * connection, with their values inlined as literals (`$n` → `literals[n - 1]`, which the caller
   * has made safe). One result per statement. Throws outside a transaction.
   */
  async inOneRoundTrip(parts: ReadonlyArray<{ readonly statement: Statement; readonly literals: readonly string[] }>): Promise<QueryResult[]> {
    const ambient = await ambientConnection(this.dataSource);
    if (!ambient) throw new Error('Sql.inOneRoundTrip needs an ambient transaction');
    // A transaction's START TRANSACTION rides along with its first statements.
    const begin = ambient.pendingBegin ?? [];
    const text = [...begin, ...parts.map(({ statement, literals }) => statement.text.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]))];
    const results = (await ambient.client.query(text.join(';\n'))) as unknown as QueryResult | QueryResult[];
    return (Array.isArray(results) ? results : [results]).slice(begin.length);
  }

  /** Always on the pool: for reads that must not see an uncommitted ambient transaction. */
  async queryOutsideTransaction<R extends QueryResultRow>(statement: Statement, values: unknown[]): Promise<R[]> {
    return (await this.pool().query<R>({ name: statement.name, text: statement.text, values })).rows;
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}
