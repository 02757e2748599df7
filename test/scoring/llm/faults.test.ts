import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../bench/lib/serve-process.ts';
import { ProviderUnavailableError } from '../../../src/scoring/llm/call-model.ts';
import { createLlmEngine } from '../../../src/scoring/llm/engine.ts';
import type { LlmSettings } from '../../../src/scoring/llm/settings.ts';
import { startFakeOpenAi } from './support/fake-openai.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import { CV_PLAIN, JOB_SPEC, settings, VALID_ANSWER } from './support/fixtures.ts';

/** Rate limits, server errors, a hung server and a dead one: retried with backoff, then systemic. */
describe('LLM engine under provider faults', () => {
  let fake: FakeProvider;
  const pauses: number[] = [];
  beforeAll(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => {
    fake.requests.length = 0;
    pauses.length = 0;
  });
  afterAll(() => fake.close());
  const engineFor = (overrides: Partial<LlmSettings> = {}, recordPauses = true) =>
    createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1`, ...overrides }),
      retentionMs: 3_600_000,
      ...(recordPauses ? { sleep: async (ms: number) => void pauses.push(ms) } : {}),
    });

  it('waits what Retry-After asks on a 429, then succeeds', async () => {
    fake.script({ kind: 'status', status: 429, headers: { 'retry-after': '2' } });
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const [outcome] = await engineFor().scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(outcome?.ok).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(pauses).toEqual([2_000]);
  });

  it('really sleeps for Retry-After (1 s) when no clock is injected', async () => {
    fake.script({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const began = Date.now();
    const [outcome] = await engineFor({}, false).scoreEach(JOB_SPEC, [`${CV_PLAIN}\nslept`]);
    expect(outcome?.ok).toBe(true);
    expect(Date.now() - began).toBeGreaterThanOrEqual(950);
  });

  it('caps a Retry-After beyond the ceiling', async () => {
    fake.script({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    await engineFor({ maxBackoffMs: 1_500 }).scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(pauses).toEqual([1_500]);
  });

  it('backs off exponentially over 500s and 503s, then succeeds', async () => {
    fake.script({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const [outcome] = await engineFor({ backoffMs: 100 }).scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(outcome?.ok).toBe(true);
    expect(pauses).toHaveLength(2);
    expect(pauses[0]).toBeGreaterThanOrEqual(75);
    expect(pauses[0]).toBeLessThanOrEqual(125);
    expect(pauses[1]).toBeGreaterThanOrEqual(150);
    expect(pauses[1]).toBeLessThanOrEqual(250);
  });

  it('times out a hung call, retries it, and gives up as a systemic fault', async () => {
    fake.respondWith(() => ({ kind: 'hang' }));
    const began = Date.now();
    await expect(
      engineFor({ timeoutMs: 200, maxRetries: 1 }).scoreEach(JOB_SPEC, [CV_PLAIN]),
    ).rejects.toThrow(/did not answer in time/);
    expect(Date.now() - began).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(2);
  });

  it('recovers when a hung call is followed by an answer', async () => {
    fake.script({ kind: 'hang' });
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const [outcome] = await engineFor({ timeoutMs: 200 }).scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(outcome?.ok).toBe(true);
  });

  it('gives up on a provider that refuses connections, without hanging', async () => {
    const port = await freePort(); // closed again: nothing listens there
    const engine = createLlmEngine({
      settings: settings({ baseUrl: `http://127.0.0.1:${port}/v1`, maxRetries: 2 }),
      retentionMs: 3_600_000,
      sleep: async () => {},
    });
    await expect(engine.scoreEach(JOB_SPEC, [CV_PLAIN])).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('never puts the CV in the error it throws', async () => {
    fake.respondWith(() => ({ kind: 'status', status: 502 }));
    const error = await engineFor({ maxRetries: 0 })
      .scoreEach(JOB_SPEC, [CV_PLAIN])
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/HTTP 502/);
    expect(String(error)).not.toContain('FastAPI');
  });
});
