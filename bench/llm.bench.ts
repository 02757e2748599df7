/**
 * LLM engine overhead: `npm run bench:llm -- [--count N]`.
 *
 * What our side of an LLM call costs, with the model's own time taken out: the engines talk to the
 * loopback fakes of the OpenAI chat completions and Anthropic messages APIs used by the tests, which
 * answer at once. One call per CV includes the local engine's reading (grounding context), redaction, the
 * prompt, the AI SDK's request and response handling, HTTP on loopback, schema validation and the
 * grounding check. The local engine is measured in the same run on the same CVs for comparison; a real
 * model adds its own latency (seconds per CV) on top of these figures.
 */
import { performance } from 'node:perf_hooks';
import type { ScoringEngine } from '../src/scoring/engine.ts';
import { createMemoryCache, type LlmAnswerCache } from '../src/scoring/llm/cache.ts';
import { callModel } from '../src/scoring/llm/call-model.ts';
import { createLlmEngine } from '../src/scoring/llm/engine.ts';
import { buildUserPrompt, SYSTEM_PROMPT } from '../src/scoring/llm/prompt.ts';
import { createLanguageModel } from '../src/scoring/llm/provider.ts';
import { textForProvider } from '../src/scoring/llm/redact.ts';
import type { LlmSettings } from '../src/scoring/llm/settings.ts';
import { asOfMonth, createLocalScorer, unwrapAll } from '../src/scoring/local/engine.ts';
import { startFakeAnthropic } from '../test/scoring/llm/support/fake-anthropic.ts';
import { startFakeOpenAi } from '../test/scoring/llm/support/fake-openai.ts';
import type { FakeProvider } from '../test/scoring/llm/support/fake-provider.ts';
import { VALID_ANSWER } from '../test/scoring/llm/support/fixtures.ts';
import { benchJobSpec, FIXTURE_AS_OF, generateCvFixtures } from './fixtures/index.ts';

const count = Number(process.argv[process.argv.indexOf('--count') + 1]) || 200;
const spec = benchJobSpec();
const cvs = generateCvFixtures({ count, targetChars: 4_000, seed: 1, profession: 'software' }).map(
  (f) => f.text,
);
const options = { asOf: FIXTURE_AS_OF };
/** Never remembers: every CV costs a call. */
const noCache: LlmAnswerCache = { get: async () => undefined, put: async () => {} };
/** The fixtures are dated in the past: a long retention keeps their cached answers alive for the hit row. */
const TEN_YEARS_MS = 10 * 365 * 24 * 3_600_000;

interface Row {
  readonly subject: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly perSecond: number;
}

/** Scores the CVs one call at a time (per-call latency), after a warm-up over a few. */
async function perCall(subject: string, engine: ScoringEngine, warm = true): Promise<Row> {
  if (warm) for (const cv of cvs.slice(0, 5)) await engine.scoreBatch(spec, [cv], options);
  const times: number[] = [];
  const began = performance.now();
  for (const cv of cvs) {
    const start = performance.now();
    await engine.scoreBatch(spec, [cv], options);
    times.push(performance.now() - start);
  }
  const total = performance.now() - began;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { subject, medianMs: at(0.5), p95Ms: at(0.95), perSecond: (cvs.length / total) * 1000 };
}

/** A whole batch at once, the calls bounded by the engine's concurrency: throughput only. */
async function batch(subject: string, engine: ScoringEngine): Promise<Row> {
  const began = performance.now();
  await engine.scoreBatch(spec, cvs, options);
  const ms = performance.now() - began;
  return { subject, medianMs: Number.NaN, p95Ms: Number.NaN, perSecond: (cvs.length / ms) * 1000 };
}

/** The local engine with the spec parsed once, as a batch parses it (the LLM engine does the same). */
function localEngine(): ScoringEngine {
  const scorer = createLocalScorer();
  const job = scorer.parse(spec);
  return {
    name: 'local',
    version: '0',
    async scoreBatch(_spec, batchCvs, scoreOptions) {
      return unwrapAll(batchCvs.map((cv) => scorer.score(job, cv, asOfMonth(scoreOptions))));
    },
  };
}

/** The AI SDK call and loopback HTTP alone: prompt built beforehand, no local reading, no grounding. */
function transportOnly(fake: FakeProvider): ScoringEngine {
  const model = createLanguageModel(settingsFor(fake, {}));
  const context = { requirements: [], flags: [] };
  const prompts = new Map(cvs.map((cv) => [cv, buildUserPrompt(spec, textForProvider(cv, true), context)]));
  return {
    name: 'transport',
    version: '0',
    async scoreBatch(_spec, batchCvs) {
      for (const cv of batchCvs)
        await callModel({ model, system: SYSTEM_PROMPT, prompt: prompts.get(cv) ?? '', timeoutMs: 30_000 });
      return [];
    },
  };
}

function settingsFor(fake: FakeProvider, overrides: Partial<LlmSettings>): LlmSettings {
  return {
    provider: 'openai-compatible',
    model: 'bench-model',
    baseUrl: `${fake.url}/v1`,
    concurrency: 1,
    timeoutMs: 30_000,
    maxRetries: 0,
    redact: true,
    ...overrides,
  };
}

function llm(fake: FakeProvider, overrides: Partial<LlmSettings>, cache = noCache): ScoringEngine {
  return createLlmEngine({ settings: settingsFor(fake, overrides), retentionMs: TEN_YEARS_MS, cache });
}

async function main(): Promise<void> {
  const openai = await startFakeOpenAi(0);
  const anthropic = await startFakeAnthropic(0);
  for (const fake of [openai, anthropic]) fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
  try {
    const claude = { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'k' } as const;
    const warmCache = llm(openai, {}, createMemoryCache());
    const rows = [
      await perCall('local engine (in-process, 1 thread)', localEngine()),
      await perCall('openai-compatible, 1 call at a time', llm(openai, {})),
      await perCall('  its AI SDK call + loopback HTTP alone', transportOnly(openai)),
      await perCall('anthropic, 1 call at a time', llm(anthropic, claude)),
      await batch('openai-compatible, batch, concurrency 8', llm(openai, { concurrency: 8 })),
    ];
    await warmCache.scoreBatch(spec, cvs, options);
    rows.push(await perCall('openai-compatible, answer from the cache', warmCache, false));
    const sent = openai.requests.map((r) => r.raw.length);
    const meanSent = sent.reduce((a, b) => a + b, 0) / Math.max(1, sent.length);
    print(rows, meanSent);
  } finally {
    await openai.close();
    await anthropic.close();
  }
}

function print(rows: readonly Row[], meanSent: number): void {
  console.log(
    `LLM engine overhead: ${cvs.length} CVs of ~4,000 characters, ${process.version}, fakes answer at once\n`,
  );
  console.log(
    `${'subject'.padEnd(44)}${'median ms'.padStart(11)}${'p95 ms'.padStart(9)}${'CVs/s'.padStart(9)}`,
  );
  for (const r of rows)
    console.log(
      `${r.subject.padEnd(44)}${fmt(r.medianMs).padStart(11)}${fmt(r.p95Ms).padStart(9)}${r.perSecond.toFixed(0).padStart(9)}`,
    );
  const local = rows[0]?.medianMs ?? 0;
  const remote = rows[1]?.medianMs ?? 0;
  console.log(
    `\none LLM call costs our side ${fmt(remote)} ms (median) against ${fmt(local)} ms for the local engine;`,
  );
  console.log(
    `the ${fmt(remote - local)} ms between is redaction, prompt, SDK, HTTP, validation and grounding.`,
  );
  const bytes = Math.round(meanSent).toLocaleString('en-GB');
  console.log(
    `request body per CV: ${bytes} bytes (~${Math.round(meanSent / 4).toLocaleString('en-GB')} tokens)`,
  );
}

function fmt(ms: number): string {
  return Number.isNaN(ms) ? '-' : ms.toFixed(2);
}

await main();
