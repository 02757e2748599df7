import type { LanguageModel } from 'ai';
import type { EngineScore } from '../../domain/candidate-result.ts';
import { now } from '../../domain/time.ts';
import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../engine.ts';
import { unwrapAll } from '../local/engine.ts';
import { type AnswerContext, answerFor } from './answer.ts';
import { cacheExpiry, cacheKey, createMemoryCache, type LlmAnswerCache } from './cache.ts';
import { finalizeScore } from './finalize.ts';
import { groundReasons } from './grounding.ts';
import {
  type GroundingContext,
  inProcessReader,
  type LocalReader,
  readContexts,
} from './grounding-context.ts';
import { createLimiter } from './limiter.ts';
import { buildUserPrompt, PROMPT_VERSION, SYSTEM_PROMPT } from './prompt.ts';
import { createLanguageModel } from './provider.ts';
import { textForProvider } from './redact.ts';
import { type LlmSettings, llmEngineInfo } from './settings.ts';

export { JSON_DECODE_ERROR } from './answer.ts';
export { llmEngineInfo } from './settings.ts';

export interface LlmEngineOptions {
  readonly settings: LlmSettings;
  /** How long a cached answer may live: the job retention (APTLY_RETENTION_HOURS). */
  readonly retentionMs: number;
  /** Shared by every worker in the service (database); in memory when absent. */
  readonly cache?: LlmAnswerCache;
  /** Told how many reasons of one answer were dropped as ungrounded (a metric). */
  readonly onUngrounded?: (count: number) => void;
  /** Tests: a model object instead of the configured provider; a clock for the retry pauses. */
  readonly model?: LanguageModel;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The local engine's reading for grounding: the service's worker-thread pool; in-process when absent. */
  readonly localReader?: LocalReader;
}

/** Always with per-candidate outcomes: one CV's bad answer never fails its batch. */
export type LlmEngine = ScoringEngine & Required<Pick<ScoringEngine, 'scoreEach'>>;

/** An LLM provider behind the engine interface; see README "LLM engines". */
export function createLlmEngine(options: LlmEngineOptions): LlmEngine {
  const { settings } = options;
  const info = llmEngineInfo(settings);
  const cache = options.cache ?? createMemoryCache();
  const answers: AnswerContext = {
    model: options.model ?? createLanguageModel(settings),
    limiter: createLimiter(settings.concurrency),
    timeoutMs: settings.timeoutMs,
    retry: {
      retries: settings.maxRetries,
      baseMs: settings.backoffMs ?? 1_000,
      maxMs: settings.maxBackoffMs ?? 60_000,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    },
  };
  let reader = options.localReader;
  const keyOf = (jobSpec: string, cv: string) =>
    cacheKey({
      provider: settings.provider,
      model: settings.model,
      promptVersion: PROMPT_VERSION,
      redact: settings.redact,
      jobSpec,
      cv,
    });

  async function answer(
    jobSpec: string,
    cv: string,
    context: GroundingContext,
    key: string,
    scoreOptions?: ScoreOptions,
  ): Promise<ScoreOutcome> {
    const sent = textForProvider(cv, settings.redact);
    const reply = await answerFor(answers, SYSTEM_PROMPT, buildUserPrompt(jobSpec, sent, context));
    if ('error' in reply) return { ok: false, error: reply.error };
    const grounded = groundReasons(reply.match_reasons, sent, jobSpec);
    if (grounded.dropped > 0) options.onUngrounded?.(grounded.dropped);
    const value = finalizeScore(reply.score, grounded.kept, reply.gaps, context.flags);
    // Already past its job's retention (a long queue): not kept at all. A lost cache write costs one more
    // call next time, never a result: it must not fail the candidate.
    const expiresAt = cacheExpiry(scoreOptions?.asOf, new Date(), options.retentionMs);
    if (expiresAt > now()) await cache.put(key, value, expiresAt).catch(() => {});
    return { ok: true, value };
  }

  const scoreEach = async (jobSpec: string, cvs: readonly string[], scoreOptions?: ScoreOptions) => {
    const keys = cvs.map((cv) => keyOf(jobSpec, cv));
    const at = now();
    // Only finished answers are cached, so a hit needs neither the local reading nor a call.
    const cached = await Promise.all(keys.map((key) => cache.get(key, at)));
    const misses = cvs.flatMap((cv, i) => (cached[i] ? [] : [{ cv, key: keys[i] ?? '', index: i }]));
    reader ??= inProcessReader();
    const contexts = await readContexts(
      reader,
      jobSpec,
      misses.map((m) => m.cv),
      scoreOptions,
    );
    const outcomes: ScoreOutcome[] = cached.map((value) =>
      value ? { ok: true, value } : { ok: false, error: 'not scored' },
    );
    // Every miss at once: the limiter decides how many reach the provider together.
    await Promise.all(
      misses.map(async (miss, m) => {
        const context = contexts[m];
        if (!context) return;
        outcomes[miss.index] = context.ok
          ? await answer(jobSpec, miss.cv, context.context, miss.key, scoreOptions)
          : context;
      }),
    );
    return outcomes;
  };
  return {
    name: info.name,
    version: info.version,
    scoreEach,
    async scoreBatch(jobSpec, cvs, scoreOptions): Promise<EngineScore[]> {
      return unwrapAll(await scoreEach(jobSpec, cvs, scoreOptions));
    },
  };
}
