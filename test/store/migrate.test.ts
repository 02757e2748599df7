import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { advisoryLockKey } from '../../src/store/advisory-lock.ts';
import { openStore } from '../../src/store/database.ts';
import { migrateToLatest, pendingMigrations } from '../../src/store/migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import {
  checkPostgres,
  createTestDatabase,
  DIALECTS,
  describeEachDialect,
  TEST_DATABASE_URL,
} from '../support/databases.ts';

describeEachDialect('migrations', (database) => {
  it('leave nothing pending and create every table', async () => {
    const { store } = database();
    expect(await pendingMigrations(store)).toEqual([]);
    const tables = await store.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of ['organisations', 'users', 'api_keys', 'jobs', 'candidates', 'webhook_deliveries'])
      expect(names).toContain(table);
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(database().store)).toEqual([]);
  });
});

describe('migrations under concurrency', () => {
  for (const dialect of DIALECTS) {
    it(`[${dialect}] two processes starting together apply each migration once`, async (ctx) => {
      if (dialect === 'postgres' && !(await checkPostgres())) ctx.skip();
      const database = await createTestDatabase(dialect, false);
      const other = database.openAnother();
      try {
        const [a, b] = await Promise.all([migrateToLatest(database.store), migrateToLatest(other)]);
        expect([...a, ...b].sort()).toEqual(Object.keys(MIGRATIONS).sort());
        const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
          database.store.db,
        );
        expect(Number(rows.rows[0]?.n)).toBe(Object.keys(MIGRATIONS).length);
      } finally {
        await other.close();
        await database.drop();
      }
    });
  }

  it('[postgres] several processes starting at once all succeed and apply each migration exactly once', async (ctx) => {
    if (!(await checkPostgres())) ctx.skip();
    const database = await createTestDatabase('postgres', false);
    const others = [database.openAnother(), database.openAnother(), database.openAnother()];
    try {
      const applied = await Promise.all([database.store, ...others].map((store) => migrateToLatest(store)));
      expect(applied.flat().sort()).toEqual(Object.keys(MIGRATIONS).sort());
      const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(database.store.db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await Promise.all(others.map((store) => store.close()));
      await database.drop();
    }
  });

  it('[postgres] waits while another session holds the migration advisory lock', async (ctx) => {
    if (!(await checkPostgres())) ctx.skip();
    const database = await createTestDatabase('postgres', false);
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      const key = advisoryLockKey(`aptly.migrations:${database.searchPath}`);
      await holder.query('select pg_advisory_lock($1::bigint)', [key]);
      let settled = false;
      const migrating = migrateToLatest(database.store).finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled).toBe(false);
      expect(await pendingMigrations(database.store)).toEqual(Object.keys(MIGRATIONS));
      await holder.query('select pg_advisory_unlock($1::bigint)', [key]);
      expect((await migrating).sort()).toEqual(Object.keys(MIGRATIONS).sort());
    } finally {
      await holder.end();
      await database.drop();
    }
  });

  it('a database URL of another kind is refused with a clear message', () => {
    expect(() => openStore('mysql://localhost/x')).toThrow(/sqlite: or postgres:\/\//);
  });
});

describe('migrations side by side on one PostgreSQL server', () => {
  it('a database in its own schema migrates while another schema already holds the migration tables', async (ctx) => {
    if (!(await checkPostgres())) ctx.skip();
    const first = await createTestDatabase('postgres');
    const second = await createTestDatabase('postgres');
    try {
      expect(await pendingMigrations(second.store)).toEqual([]);
      const tables = (await second.store.db.introspection.getTables()).map((t) => t.name);
      expect(tables).toContain('jobs');
    } finally {
      await second.drop();
      await first.drop();
    }
  });
});
