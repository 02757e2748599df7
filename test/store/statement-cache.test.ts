import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.ts';

/** SQLite statements are prepared once per SQL text and reused: reuse must never change an answer. */
describe('SQLite prepared-statement reuse', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
  });

  function open(): Store {
    store = openStore('sqlite::memory:');
    return store;
  }

  it('answers the same query with the current data each time', async () => {
    const { db } = open();
    await sql`create table t (id integer primary key, name text)`.execute(db);
    const names = () => sql<{ name: string }>`select name from t order by id`.execute(db);
    expect((await names()).rows).toEqual([]);
    await sql`insert into t (name) values (${'a'})`.execute(db);
    await sql`insert into t (name) values (${'b'})`.execute(db);
    expect((await names()).rows).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('sees a column added after the statement was first prepared', async () => {
    const { db } = open();
    await sql`create table t (id integer primary key)`.execute(db);
    await sql`insert into t (id) values (1)`.execute(db);
    const all = () => sql<Record<string, unknown>>`select * from t`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1 }]);
    await sql`alter table t add column note text`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, note: null }]);
  });
});
