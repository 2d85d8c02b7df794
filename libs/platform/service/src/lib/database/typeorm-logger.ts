import { Logger as NestLogger } from '@nestjs/common';
import { EXPECTED_FAILURES } from '@brigade/event-store';
import type { Logger, QueryRunner } from 'typeorm';

/** Enough of a failed statement to find it, never its parameters (they may hold personal data). */
const MAX_QUERY_CHARS = 300;

/**
 * TypeORM's messages as structured lines of the app's logger (pino, through nestjs-pino) rather
 * than console text. Successful queries are not logged. A failed statement is an error, except
 * in a transaction that expects failures and handles them (runInTransaction's failuresExpected,
 * e.g. a consumer batch that falls back to one message per transaction): debug there.
 */
export class StructuredTypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Every statement would be a line: left to PostgreSQL's own statement logging when needed.
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const entry = {
      msg: 'Query failed',
      error: error instanceof Error ? error.message : error,
      code: (error as { code?: unknown }).code,
      query: query.replace(/\s+/g, ' ').slice(0, MAX_QUERY_CHARS),
    };
    if (queryRunner?.data?.[EXPECTED_FAILURES]) this.logger.debug(entry);
    else this.logger.error(entry);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'Slow query', ms: time, query: query.replace(/\s+/g, ' ').slice(0, MAX_QUERY_CHARS) });
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ msg: message });
  }

  logMigration(message: string): void {
    this.logger.log({ msg: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ msg: String(message) });
    else this.logger.log({ msg: String(message) });
  }
}
