import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE, toHttpError } from '../../src/http/errors.ts';
import { isDatabaseUnavailable } from '../../src/store/unavailable.ts';

function withCode(code: string, message = 'driver error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable: an outage, not a fault in our code or data', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')],
    ['connection reset', withCode('ECONNRESET')],
    ['connect timed out', withCode('ETIMEDOUT')],
    ['admin_shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['starting up', withCode('57P03', 'the database system is starting up')],
    ['statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['too many connections', withCode('53300')],
    ['connection exception class 08', withCode('08006')],
    ['connection dropped', new Error('Connection terminated unexpectedly')],
    ['pool wait', new Error('timeout exceeded when trying to connect')],
    ['dead network', new Error('Query read timeout')],
    ['SQLite locked past the busy timeout', withCode('SQLITE_BUSY', 'database is locked')],
    ['SQLite file gone', withCode('SQLITE_CANTOPEN')],
    ['wrapped', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    ['several addresses refused', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['syntax error', withCode('42601')],
    ['SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('not %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("recognises better-sqlite3's own error class", () => {
    expect(isDatabaseUnavailable(new SQLite.SqliteError('database is locked', 'SQLITE_BUSY'))).toBe(true);
  });

  it('maps to 503 with a detail that names no internals, and Retry-After', () => {
    const http = toHttpError(withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'));
    expect(http).toEqual({
      status: 503,
      body: { detail: DATABASE_UNAVAILABLE },
      headers: { 'Retry-After': '5' },
      internal: false,
    });
  });
});
