import { expect, it } from 'vitest';
import { insertSettingIfAbsent, readSetting } from '../../src/store/settings.repository.ts';
import { describeEachDialect } from '../support/databases.ts';

describeEachDialect('settings repository', (database) => {
  it('stores a value once and keeps the first', async () => {
    const { db } = database().store;
    expect(await readSetting(db, 'first')).toBeUndefined();
    expect(await insertSettingIfAbsent(db, 'first', 'one')).toBe(true);
    expect(await insertSettingIfAbsent(db, 'first', 'two')).toBe(false);
    expect(await readSetting(db, 'first')).toBe('one');
  });

  it('lets exactly one of two racing connections store the value', async () => {
    const other = database().openAnother();
    try {
      const results = await Promise.all([
        insertSettingIfAbsent(database().store.db, 'raced', 'a'),
        insertSettingIfAbsent(other.db, 'raced', 'b'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await readSetting(other.db, 'raced')).toBe(results[0] ? 'a' : 'b');
    } finally {
      await other.close();
    }
  });
});
