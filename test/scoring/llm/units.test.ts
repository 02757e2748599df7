import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { finalizeScore } from '../../../src/scoring/llm/finalize.ts';
import { groundReasons } from '../../../src/scoring/llm/grounding.ts';
import { createLimiter } from '../../../src/scoring/llm/limiter.ts';
import { retryAfterMs, retryDelayMs } from '../../../src/scoring/llm/retry.ts';
import { LlmConfigError, llmSettingsFrom } from '../../../src/scoring/llm/settings.ts';
import { CV_PLAIN, JOB_SPEC } from './support/fixtures.ts';

const rateLimited = (headers: Record<string, string>) =>
  new APICallError({
    message: 'rate limited',
    url: 'http://x',
    requestBodyValues: {},
    statusCode: 429,
    responseHeaders: headers,
  });

describe('grounding', () => {
  it('keeps a reason whose evidence is in the CV, verbatim or nearly, and drops invented ones', () => {
    const result = groundReasons(
      [
        {
          reason: 'FastAPI and PostgreSQL APIs',
          evidence: 'built REST APIs in python with FastAPI and PostgreSQL',
        },
        { reason: 'Async Python', evidence: 'Wrote async Python services using asyncio' },
        { reason: 'Has AWS certification', evidence: 'AWS Certified Solutions Architect' },
        { reason: 'Worked at Google on search', evidence: 'Built REST APIs in Python' },
        { reason: 'No evidence given', evidence: '' },
        { reason: '   ', evidence: 'Python' },
      ],
      CV_PLAIN,
      JOB_SPEC,
    );
    expect(result.kept).toEqual(['FastAPI and PostgreSQL APIs', 'Async Python']);
    expect(result.dropped).toBe(3);
  });

  it('spares small numbers the model may have computed from date ranges', () => {
    const result = groundReasons(
      [{ reason: 'About 7 years of Python', evidence: 'Backend Developer, Northwind (2018 - present)' }],
      CV_PLAIN,
      JOB_SPEC,
    );
    expect(result.kept).toHaveLength(1);
  });
});

describe('finalizing a model answer', () => {
  it('clamps, rounds, trims, deduplicates and shortens', () => {
    const long = `${'word '.repeat(100)}end`;
    const out = finalizeScore(Number.NaN, ['a', 'A ', 'b', 'c', 'd', 'e'], [long, '', 'x', 'y', 'z'], []);
    expect(out.score).toBe(0);
    expect(out.match_reasons).toEqual(['a', 'b', 'c', 'd']);
    expect(out.gaps).toHaveLength(3);
    expect(out.gaps[0]?.length).toBeLessThanOrEqual(301);
    expect(out.gaps[0]?.endsWith('…')).toBe(true);
    expect(finalizeScore(74.5, [], [], ['truncated'])).toEqual({
      score: 75,
      match_reasons: [],
      gaps: [],
      flags: ['truncated'],
    });
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms', () => {
    expect(retryAfterMs(rateLimited({ 'retry-after': '7' }))).toBe(7_000);
    expect(retryAfterMs(rateLimited({ 'retry-after-ms': '250' }))).toBe(250);
    const at = Date.parse('2026-11-28T21:00:00Z');
    expect(retryAfterMs(rateLimited({ 'retry-after': 'Sat, 28 Nov 2026 21:00:05 GMT' }), at)).toBe(5_000);
    expect(retryAfterMs(new Error('other'))).toBeUndefined();
  });

  it('never waits less than asked nor more than the ceiling', () => {
    const policy = { retries: 3, baseMs: 100, maxMs: 10_000 };
    expect(retryDelayMs(rateLimited({ 'retry-after': '4' }), 0, policy)).toBe(4_000);
    expect(retryDelayMs(rateLimited({ 'retry-after': '40' }), 0, policy)).toBe(10_000);
    expect(retryDelayMs(new Error('x'), 3, policy)).toBeGreaterThanOrEqual(600);
  });
});

describe('the concurrency limiter', () => {
  it('never lets more than the limit run, even when calls finish and start in the same tick', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 40 }, () => limit(task)));
    expect(peak).toBe(3);
  });
});

describe('LLM settings', () => {
  const llm = { concurrency: 4, timeoutMs: 60_000, maxRetries: 3, redact: true };
  it('names the missing variable', () => {
    expect(() => llmSettingsFrom({ scorer: 'openai', llm: { ...llm, apiKey: 'k' } })).toThrow(
      /APTLY_LLM_MODEL/,
    );
    expect(() => llmSettingsFrom({ scorer: 'anthropic', llm: { ...llm, model: 'claude' } })).toThrow(
      /APTLY_LLM_API_KEY/,
    );
    expect(() => llmSettingsFrom({ scorer: 'openai-compatible', llm: { ...llm, model: 'm' } })).toThrow(
      LlmConfigError,
    );
  });

  it('fills the provider’s default base URL', () => {
    expect(
      llmSettingsFrom({ scorer: 'openai', llm: { ...llm, model: 'gpt-4o-mini', apiKey: 'k' } }).baseUrl,
    ).toBe('https://api.openai.com/v1');
    expect(
      llmSettingsFrom({ scorer: 'openai-compatible', llm: { ...llm, model: 'm', baseUrl: 'http://h/v1' } }),
    ).toMatchObject({ baseUrl: 'http://h/v1' });
  });
});
