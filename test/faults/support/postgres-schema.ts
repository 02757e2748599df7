import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { checkPostgres, TEST_DATABASE_URL, withSearchPath } from '../../support/databases.ts';

/** Names our PostgreSQL sessions (PGAPPNAME), so the restart test can tell them from anyone else's. */
export const FAULTS_APP_NAME = 'aptly-faults';

/** A PostgreSQL schema of one fault test file: its processes share it; the test reads it directly. */
export interface FaultSchema {
  readonly name: string;
  /** DATABASE_URL for `aptly` child processes: the schema travels as libpq `options` in the URL. */
  readonly url: string;
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/** Undefined (with a warning) when PostgreSQL is unreachable outside CI; under CI=true that throws. */
export async function createFaultSchema(): Promise<FaultSchema | undefined> {
  if (!(await checkPostgres())) return undefined;
  const name = `faults_${randomBytes(5).toString('hex')}`;
  const pool = new pg.Pool({
    connectionString: withSearchPath(TEST_DATABASE_URL, name),
    max: 2,
    application_name: FAULTS_APP_NAME,
  });
  // A PostgreSQL restart ends idle connections; without a listener that would crash the test runner.
  pool.on('error', () => undefined);
  await pool.query(`create schema ${name}`);
  return {
    name,
    url: withSearchPath(TEST_DATABASE_URL, name),
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query<Row>(sql, [...params])).rows;
    },
    async drop() {
      try {
        await pool.query(`drop schema if exists ${name} cascade`);
      } finally {
        await pool.end();
      }
    },
  };
}

/** Resolves once PostgreSQL accepts connections (and queries) again, or throws after `timeoutMs`. */
export async function waitForPostgres(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not come back: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
