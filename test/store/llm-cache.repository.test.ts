import { expect, it } from 'vitest';
import type { Timestamp } from '../../src/domain/time.ts';
import { purgeExpiredJobs } from '../../src/queue/index.ts';
import {
  databaseLlmCache,
  deleteExpiredLlmAnswers,
  readLlmAnswer,
  writeLlmAnswer,
} from '../../src/store/llm-cache.repository.ts';
import { describeEachDialect } from '../support/databases.ts';

const AT = '2026-05-14T09:30:00.000001Z' as Timestamp;
const LATER = '2026-05-17T09:30:00.000001Z' as Timestamp;
const answer = { score: 81, match_reasons: ['Seven years of Python'], gaps: ['No AWS'] };

describeEachDialect('LLM answer cache repository', (database) => {
  it('answers a stored key until its expiry, then nothing', async () => {
    const { db } = database().store;
    await writeLlmAnswer(db, 'k1', answer, LATER, AT);
    expect(await readLlmAnswer(db, 'k1', AT)).toEqual(answer);
    expect(await readLlmAnswer(db, 'k1', LATER)).toBeUndefined();
    expect(await readLlmAnswer(db, 'missing', AT)).toBeUndefined();
  });

  it('keeps the first answer of two writers, and replaces an expired one', async () => {
    const { db } = database().store;
    const other = database().openAnother();
    try {
      await Promise.all([
        writeLlmAnswer(db, 'k2', answer, LATER, AT),
        writeLlmAnswer(other.db, 'k2', { ...answer, score: 10 }, LATER, AT),
      ]);
      expect([81, 10]).toContain((await readLlmAnswer(db, 'k2', AT))?.score);
      const first = (await readLlmAnswer(db, 'k2', AT))?.score;
      await writeLlmAnswer(db, 'k2', { ...answer, score: 55 }, LATER, AT);
      expect((await readLlmAnswer(db, 'k2', AT))?.score).toBe(first);
      await writeLlmAnswer(
        db,
        'k2',
        { ...answer, score: 55 },
        '2026-05-20T00:00:00.000000Z' as Timestamp,
        LATER,
      );
      expect((await readLlmAnswer(db, 'k2', LATER))?.score).toBe(55);
    } finally {
      await other.close();
    }
  });

  it('is deleted once expired, by the purge job too, and shared through the engine-facing cache', async () => {
    const { db, dialect } = database().store;
    const cache = databaseLlmCache(db);
    await cache.put('k3', answer, LATER);
    await cache.put('k4', answer, '2026-06-01T00:00:00.000000Z' as Timestamp);
    expect(await cache.get('k3', AT)).toEqual(answer);
    expect(await deleteExpiredLlmAnswers(db, AT)).toBe(0);
    await purgeExpiredJobs(db, dialect, LATER);
    const keys = await db.selectFrom('llm_cache').select('key').where('key', 'in', ['k3', 'k4']).execute();
    expect(keys.map((k) => k.key)).toEqual(['k4']);
    expect(
      await deleteExpiredLlmAnswers(db, '2026-06-01T00:00:00.000000Z' as Timestamp),
    ).toBeGreaterThanOrEqual(1);
  });
});
