import type { LanguageModel } from 'ai';
import type { EngineScore } from '../../domain/candidate-result.ts';
import { now } from '../../domain/time.ts';
import type { ScoreOptions, ScoreOutcome, ScoringEngine } from '../engine.ts';
import type { MonthIndex } from '../local/cv/date-ranges.ts';
import { asOfMonth, createLocalScorer, type LocalScorer, unwrapAll } from '../local/engine.ts';
import type { ParsedJob } from '../local/jobspec/types.ts';
import { type AnswerContext, answerFor } from './answer.ts';
import { cacheExpiry, cacheKey, createMemoryCache, type LlmAnswerCache } from './cache.ts';
import { finalizeScore } from './finalize.ts';
import { groundReasons } from './grounding.ts';
import { groundingContext } from './grounding-context.ts';
import { createLimiter } from './limiter.ts';
import { buildUserPrompt, PROMPT_VERSION, SYSTEM_PROMPT } from './prompt.ts';
import { createLanguageModel } from './provider.ts';
import { textForProvider } from './redact.ts';
import type { LlmSettings } from './settings.ts';

/** The error of a candidate whose answer was twice not valid JSON (the reference's own example). */
export const JSON_DECODE_ERROR = 'JSON decode error';

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
  readonly localScorer?: LocalScorer;
}

/** What the job's `scoring` field records: provider, then model and prompt version. */
export function llmEngineInfo(settings: Pick<LlmSettings, 'provider' | 'model'>): {
  name: string;
  version: string;
} {
  return { name: settings.provider, version: `model=${settings.model};prompt=${PROMPT_VERSION}` };
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
  let scorer = options.localScorer;
  let lastJob: { spec: string; parsed: ParsedJob } | undefined;
  const parse = (local: LocalScorer, jobSpec: string): ParsedJob => {
    if (lastJob?.spec !== jobSpec) lastJob = { spec: jobSpec, parsed: local.parse(jobSpec) };
    return lastJob.parsed;
  };

  async function scoreOne(
    localScorer: LocalScorer,
    jobSpec: string,
    job: ParsedJob,
    cv: string,
    asOf: MonthIndex,
    scoreOptions?: ScoreOptions,
  ): Promise<ScoreOutcome> {
    const key = cacheKey({
      provider: settings.provider,
      model: settings.model,
      promptVersion: PROMPT_VERSION,
      redact: settings.redact,
      jobSpec,
      cv,
    });
    // Only finished answers are cached, so a hit needs neither the local reading nor a call.
    const cached = await cache.get(key, now());
    if (cached) return { ok: true, value: cached };
    const local = groundingContext(localScorer, job, cv, asOf);
    if (!local.ok) return local;
    const sent = textForProvider(cv, settings.redact);
    const answer = await answerFor(answers, SYSTEM_PROMPT, buildUserPrompt(jobSpec, sent, local.context));
    if (!answer) return { ok: false, error: JSON_DECODE_ERROR };
    const grounded = groundReasons(answer.match_reasons, sent, jobSpec);
    if (grounded.dropped > 0) options.onUngrounded?.(grounded.dropped);
    const value = finalizeScore(answer.score, grounded.kept, answer.gaps, local.context.flags);
    // Already past its job's retention (a long queue): not kept at all. A lost cache write costs one more
    // call next time, never a result: it must not fail the candidate.
    const expiresAt = cacheExpiry(scoreOptions?.asOf, new Date(), options.retentionMs);
    if (expiresAt > now()) await cache.put(key, value, expiresAt).catch(() => {});
    return { ok: true, value };
  }

  const scoreEach = async (jobSpec: string, cvs: readonly string[], scoreOptions?: ScoreOptions) => {
    scorer ??= createLocalScorer();
    const localScorer = scorer;
    const job = parse(localScorer, jobSpec);
    const asOf = asOfMonth(scoreOptions);
    // Every CV at once: the limiter decides how many reach the provider together.
    return Promise.all(cvs.map((cv) => scoreOne(localScorer, jobSpec, job, cv, asOf, scoreOptions)));
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
