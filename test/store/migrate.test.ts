import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.ts';
import { migrateToLatest, pendingMigrations } from '../../src/store/migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { checkPostgres, createTestDatabase, DIALECTS, describeEachDialect } from '../support/databases.ts';

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
