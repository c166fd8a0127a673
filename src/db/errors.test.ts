import { describe, expect, it } from 'vitest';
import { databaseFailure } from './errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('databaseFailure', () => {
  it.each([
    ['ECONNREFUSED', withCode('ECONNREFUSED')],
    ['ECONNRESET', withCode('ECONNRESET')],
    ['57P01 admin_shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P03 starting up', withCode('57P03', 'the database system is starting up')],
    ['08006 connection failure', withCode('08006')],
    ['a cut socket', new Error('Connection terminated unexpectedly')],
    ['a dead client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a refusal on every address', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
    ['a wrapped refusal', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
  ])('%s is the database being unavailable', (_, error) => {
    expect(databaseFailure(error)).toBe('unavailable');
  });

  it.each([
    ['SQLITE_FULL', withCode('SQLITE_FULL', 'database or disk is full')],
    ['PostgreSQL disk_full', withCode('53100')],
    ['ENOSPC', withCode('ENOSPC')],
  ])('%s is storage being full', (_, error) => {
    expect(databaseFailure(error)).toBe('storage-full');
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a bad value', withCode('22P02')],
    ['SQLite busy', withCode('SQLITE_BUSY')],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['not an error', 'ECONNREFUSED'],
  ])('%s is not a database failure', (_, error) => {
    expect(databaseFailure(error)).toBeUndefined();
  });
});
