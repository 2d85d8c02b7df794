import { Logger as NestLogger } from '@nestjs/common';
import { EXPECTED_FAILURES } from '@brigade/event-store';
import type { QueryRunner } from 'typeorm';
import { StructuredTypeOrmLogger } from './typeorm-logger';

describe('StructuredTypeOrmLogger', () => {
  const failure = Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
  let error: jest.SpyInstance;
  let debug: jest.SpyInstance;

  beforeEach(() => {
    error = jest.spyOn(NestLogger.prototype, 'error').mockImplementation(() => undefined);
    debug = jest.spyOn(NestLogger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed statement as a structured error, without its parameters', () => {
    new StructuredTypeOrmLogger().logQueryError(failure, 'INSERT INTO accounts\n   (id) VALUES ($1)', ['secret@example.com']);

    expect(error).toHaveBeenCalledWith({ msg: 'Query failed', error: failure.message, code: '55P03', query: 'INSERT INTO accounts (id) VALUES ($1)' });
    expect(JSON.stringify(error.mock.calls)).not.toContain('secret@example.com');
  });

  it('logs it at debug level in a transaction that expects failures and handles them', () => {
    const runner = { data: { [EXPECTED_FAILURES]: true } } as unknown as QueryRunner;

    new StructuredTypeOrmLogger().logQueryError(failure, 'SELECT 1', [], runner);

    expect(error).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledWith(expect.objectContaining({ msg: 'Query failed', code: '55P03' }));
  });
});
