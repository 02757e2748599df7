import { afterEach, describe, expect, it } from 'vitest';
import { unreadiness } from '../../src/http/readiness.ts';
import { migrateAtStart } from '../../src/service/migrate-at-start.ts';
import { openStore } from '../../src/store/database.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { checkPostgres, createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';

describe('migrations at start run free of the service pool statement timeout', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  for (const dialect of DIALECTS) {
    it(`applies every migration to an empty ${dialect} database the service then finds ready`, async (ctx) => {
      if (dialect === 'postgres' && !(await checkPostgres())) return ctx.skip();
      database = await createTestDatabase(dialect, false);
      // A statement limit no migration could meet: were they run on this pool, they would fail.
      const store = dialect === 'postgres' ? openStore(database.url, { timeoutMs: 1 }) : database.store;
      try {
        expect(await migrateAtStart(store, database.url)).toEqual(Object.keys(MIGRATIONS));
        expect(await unreadiness(database.store)).toBeUndefined();
      } finally {
        if (store !== database.store) await store.close();
      }
    });
  }
});
