import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { type Dialect, openStore, type Store } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';

/** PostgreSQL for tests (DESIGN.md §4): TEST_DATABASE_URL, or the local trust-auth database `test`. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers. Under CI=true an unreachable PostgreSQL is an error, not a skip. */
export function checkPostgres(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI === 'true')
        throw new Error(`PostgreSQL at ${TEST_DATABASE_URL} is unreachable under CI=true: ${String(error)}`);
      console.warn(
        `PostgreSQL at ${TEST_DATABASE_URL} is unreachable: its tests are skipped (${String(error)})`,
      );
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

/** A fresh, empty, migrated database of one dialect, private to the caller; `drop` removes it. */
export interface TestDatabase {
  readonly dialect: Dialect;
  /** The DATABASE_URL a child process or a second store can use to reach the same database. */
  readonly url: string;
  readonly searchPath?: string;
  readonly store: Store;
  /** Opens another connection to the same database (a second "process"). */
  openAnother(): Store;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect, migrate = true): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'aptly-test-'));
    const url = `sqlite:${path.join(dir, 'aptly.db')}`;
    const store = openStore(url);
    if (migrate) await migrateToLatest(store);
    return {
      dialect,
      url,
      store,
      openAnother: () => openStore(url),
      async drop() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = openStore(TEST_DATABASE_URL, { searchPath: schema });
  if (migrate) {
    try {
      await migrateToLatest(store);
    } catch (error) {
      await store.close();
      await dropSchema(schema);
      throw error;
    }
  }
  return {
    dialect,
    url: withSearchPath(TEST_DATABASE_URL, schema),
    searchPath: schema,
    store,
    openAnother: () => openStore(TEST_DATABASE_URL, { searchPath: schema }),
    async drop() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** A postgres URL whose connections use `schema` (libpq `options`), for child processes. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/**
 * Runs a describe block once per dialect, each with its own fresh migrated database (SQLite file in a
 * temp dir; a PostgreSQL schema of its own). PostgreSQL blocks are skipped, with a warning, only when
 * PostgreSQL is unreachable outside CI.
 */
export function describeEachDialect(name: string, body: (db: () => TestDatabase) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      let skip = false;
      beforeAll(async () => {
        if (dialect === 'postgres' && !(await checkPostgres())) {
          skip = true;
          return;
        }
        database = await createTestDatabase(dialect);
      });
      beforeEach((ctx) => {
        if (skip) ctx.skip();
      });
      afterAll(async () => {
        await database?.drop();
      });
      body(() => {
        if (skip || !database) throw new Error(`no ${dialect} test database`);
        return database;
      });
    });
  }
}
