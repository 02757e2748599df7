import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Stores value under name unless the name is taken; true when this call stored it. Two processes racing
 * both call this and exactly one wins, the other reads the winner's value back.
 */
export async function insertSettingIfAbsent(
  db: Kysely<Database>,
  name: string,
  value: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('settings')
    .values({ name, value })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function readSetting(db: Kysely<Database>, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value;
}
