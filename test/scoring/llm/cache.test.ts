import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheExpiry, createMemoryCache } from '../../../src/scoring/llm/cache.ts';
import { createLlmEngine } from '../../../src/scoring/llm/engine.ts';
import { startFakeOpenAi } from './support/fake-openai.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import { CV_PLAIN, JOB_SPEC, settings, VALID_ANSWER } from './support/fixtures.ts';

describe('LLM answer cache', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    let n = 0;
    // A different score on every call: a cached answer shows as the same score with no new request.
    fake.respondWith(() => ({ kind: 'answer', answer: { ...VALID_ANSWER, score: 60 + n++ } }));
  });
  afterAll(() => fake.close());

  it('answers identical (spec, CV, model, prompt version) from the cache: no call, the same result', async () => {
    const cache = createMemoryCache();
    const engine = createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1` }),
      retentionMs: 72 * 3_600_000,
      cache,
    });
    const first = await engine.scoreEach(JOB_SPEC, [CV_PLAIN], { asOf: '2026-11-28' });
    const again = await engine.scoreEach(JOB_SPEC, [CV_PLAIN], { asOf: '2026-11-28' });
    expect(again).toEqual(first);
    expect(fake.requests).toHaveLength(1);

    // Another worker process sharing the cache gets it too.
    const other = createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1` }),
      retentionMs: 72 * 3_600_000,
      cache,
    });
    expect(await other.scoreEach(JOB_SPEC, [CV_PLAIN], { asOf: '2026-11-28' })).toEqual(first);
    expect(fake.requests).toHaveLength(1);
  });

  it('asks again for another model, another spec or another CV', async () => {
    const cache = createMemoryCache();
    const base = settings({ baseUrl: `${fake.url}/v1` });
    await createLlmEngine({ settings: base, retentionMs: 72 * 3_600_000, cache }).scoreEach(JOB_SPEC, [
      CV_PLAIN,
    ]);
    await createLlmEngine({
      settings: { ...base, model: 'llama3.1:8b' },
      retentionMs: 72 * 3_600_000,
      cache,
    }).scoreEach(JOB_SPEC, [CV_PLAIN]);
    await createLlmEngine({ settings: base, retentionMs: 72 * 3_600_000, cache }).scoreEach(
      `${JOB_SPEC}\nKafka`,
      [CV_PLAIN],
    );
    await createLlmEngine({ settings: base, retentionMs: 72 * 3_600_000, cache }).scoreEach(JOB_SPEC, [
      `${CV_PLAIN}\nKafka`,
    ]);
    expect(fake.requests).toHaveLength(4);
    expect(cache.size()).toBe(4);
  });

  it('does not cache a failure', async () => {
    const cache = createMemoryCache();
    fake.respondWith(() => ({ kind: 'text', text: 'not json' }));
    const engine = createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1` }),
      retentionMs: 72 * 3_600_000,
      cache,
    });
    await engine.scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(cache.size()).toBe(0);
  });

  it('never outlives the retention of the job that wrote it', () => {
    const submittedAt = new Date('2026-11-28T23:59:00Z');
    const scoredAt = new Date('2026-11-29T01:00:00Z');
    const expiry = cacheExpiry('2026-11-28', scoredAt, 72 * 3_600_000);
    expect(Date.parse(expiry)).toBeLessThanOrEqual(submittedAt.getTime() + 72 * 3_600_000);
    expect(expiry).toBe('2026-12-01T00:00:00.000000Z');
    expect(cacheExpiry(undefined, scoredAt, 3_600_000)).toBe('2026-11-29T02:00:00.000000Z');
  });

  it('forgets an entry once expired', async () => {
    const cache = createMemoryCache();
    await cache.put(
      'k',
      { score: 1, match_reasons: [], gaps: [] },
      cacheExpiry(undefined, new Date('2026-01-01T00:00:00Z'), 1_000),
    );
    expect(await cache.get('k', cacheExpiry(undefined, new Date('2026-01-01T00:00:00Z'), 0))).toBeDefined();
    expect(await cache.get('k', cacheExpiry(undefined, new Date('2026-01-01T00:00:01Z'), 0))).toBeUndefined();
  });
});
