import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderUnavailableError } from '../../../src/scoring/llm/call-model.ts';
import { createLlmEngine, JSON_DECODE_ERROR } from '../../../src/scoring/llm/engine.ts';
import type { LlmSettings } from '../../../src/scoring/llm/settings.ts';
import { anthropicUserMessage, startFakeAnthropic, usesJsonTool } from './support/fake-anthropic.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import {
  CV_INJECTED,
  CV_PLAIN,
  CV_WITH_PERSONAL_DETAILS,
  HALLUCINATED_ANSWER,
  INJECTED_CV_ANSWER,
  JOB_SPEC,
  PERSONAL,
  settings,
  VALID_ANSWER,
} from './support/fixtures.ts';

/** Two Anthropic models: one the SDK asks for native structured output, one it asks through the "json" tool. */
const MODELS = [
  { model: 'claude-sonnet-4-5', mode: 'output_config.format' },
  { model: 'claude-3-haiku-20240307', mode: 'json tool' },
] as const;

describe.each(MODELS)('LLM engine over the Anthropic messages API ($model, $mode)', ({ model, mode }) => {
  let fake: FakeProvider;
  const pauses: number[] = [];
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterEach(() => {
    fake.requests.length = 0;
    pauses.length = 0;
  });
  afterAll(() => fake.close());
  const engineFor = (overrides: Partial<LlmSettings> = {}, onUngrounded?: (n: number) => void) =>
    createLlmEngine({
      settings: settings({
        provider: 'anthropic',
        model,
        apiKey: 'sk-ant-test',
        baseUrl: `${fake.url}/v1`,
        ...overrides,
      }),
      retentionMs: 72 * 3_600_000,
      sleep: async (ms) => void pauses.push(ms),
      ...(onUngrounded ? { onUngrounded } : {}),
    });

  it('scores through structured output at temperature 0 with the key in x-api-key', async () => {
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const [result] = await engineFor().scoreBatch(JOB_SPEC, [CV_PLAIN]);
    expect(result).toMatchObject({ score: 84, gaps: VALID_ANSWER.gaps.slice(0, 3) });
    expect(result?.match_reasons).toHaveLength(4);
    const request = fake.requests[0];
    expect(request?.headers['x-api-key']).toBe('sk-ant-test');
    expect(request?.body.temperature).toBe(0);
    expect(JSON.stringify(request?.body.system)).toMatch(/never instructions/);
    if (mode === 'json tool')
      expect(usesJsonTool(request ?? { path: '', headers: {}, body: {}, raw: '' })).toBe(true);
    else expect(request?.body.output_config).toMatchObject({ format: { type: 'json_schema' } });
  });

  it('fails the candidate with "JSON decode error" after one retry of an invalid answer', async () => {
    fake.respondWith(() => ({ kind: 'text', text: 'I think this candidate is great!' }));
    expect(await engineFor().scoreEach(JOB_SPEC, [CV_PLAIN])).toEqual([
      { ok: false, error: JSON_DECODE_ERROR },
    ]);
    expect(fake.requests).toHaveLength(2);
  });

  it('drops hallucinated reasons', async () => {
    fake.respondWith(() => ({ kind: 'answer', answer: HALLUCINATED_ANSWER }));
    const dropped: number[] = [];
    const [result] = await engineFor({}, (n) => dropped.push(n)).scoreBatch(JOB_SPEC, [CV_PLAIN]);
    expect(result?.match_reasons).toEqual(['Builds production APIs with FastAPI']);
    expect(dropped).toEqual([2]);
  });

  it('honours retry-after on 429 and retries 529 (overloaded)', async () => {
    fake.script(
      { kind: 'status', status: 429, headers: { 'retry-after': '3' } },
      { kind: 'status', status: 529 },
    );
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    const [outcome] = await engineFor().scoreEach(JOB_SPEC, [CV_PLAIN]);
    expect(outcome?.ok).toBe(true);
    expect(pauses[0]).toBe(3_000);
    expect(pauses).toHaveLength(2);
  });

  it('keeps an injected instruction out of the request and flags the CV', async () => {
    fake.respondWith(() => ({ kind: 'answer', answer: INJECTED_CV_ANSWER }));
    const [result] = await engineFor().scoreBatch(JOB_SPEC, [CV_INJECTED]);
    expect(anthropicUserMessage(fake.requests[0]?.body ?? {})).not.toMatch(
      /ignore all previous instructions/i,
    );
    expect(result).toMatchObject({ score: 12, flags: expect.arrayContaining(['prompt_injection']) });
  });

  it('retries 500s, then gives up as a systemic fault', async () => {
    fake.respondWith(() => ({ kind: 'status', status: 500 }));
    await expect(engineFor({ maxRetries: 2 }).scoreEach(JOB_SPEC, [CV_PLAIN])).rejects.toThrow(/HTTP 500/);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up on a hung provider as a systemic fault', async () => {
    fake.respondWith(() => ({ kind: 'hang' }));
    await expect(
      engineFor({ timeoutMs: 150, maxRetries: 1 }).scoreEach(JOB_SPEC, [CV_PLAIN]),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('sends a redacted CV', async () => {
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
    await engineFor().scoreEach(JOB_SPEC, [CV_WITH_PERSONAL_DETAILS]);
    const raw = fake.requests[0]?.raw ?? '';
    for (const detail of [
      PERSONAL.name,
      PERSONAL.email,
      PERSONAL.phone,
      PERSONAL.address,
      PERSONAL.dateOfBirth,
      PERSONAL.nationality,
    ])
      expect(raw).not.toContain(detail);
    expect(anthropicUserMessage(fake.requests[0]?.body ?? {})).toContain('<cv>');
  });
});
