import type { Config } from '../config/config.ts';
import type { Metrics } from '../http/metrics/metrics.ts';
import type { ScoringEngine } from '../scoring/engine.ts';
import { llmEngineInfo, llmSettingsFrom } from '../scoring/llm/settings.ts';
import { LOCAL_ENGINE_VERSION } from '../scoring/local/engine.ts';
import { createScoringPool } from '../scoring/pool.ts';
import type { Store } from '../store/database.ts';
import { databaseLlmCache } from '../store/llm-cache.repository.ts';

export interface ServiceEngine {
  readonly engine: ScoringEngine;
  close(): Promise<void>;
}

type ScorerConfig = Pick<Config, 'scorer' | 'llm' | 'retentionMs' | 'scoringThreads'>;

/**
 * What a job's `scoring` field records for the configured scorer. Checked at start for every role, so an
 * API process with an incomplete LLM configuration refuses to start rather than accept jobs.
 */
export function engineInfoFor(config: Pick<Config, 'scorer' | 'llm'>): { name: string; version: string } {
  if (config.scorer === 'local') return { name: 'local', version: LOCAL_ENGINE_VERSION };
  return llmEngineInfo(llmSettingsFrom(config));
}

/**
 * The engine workers score with (APTLY_SCORER): the local engine in its worker-thread pool, or an LLM
 * provider whose answers are cached in the database (shared by every worker, purged with the jobs). The
 * LLM engine's local reading (its grounding context) runs on the same pool, off the event loop. The LLM
 * engine (and with it the AI SDK) is imported only when configured: a local-scorer process never loads it.
 */
export async function createServiceEngine(
  config: ScorerConfig,
  store: Store,
  metrics: Pick<Metrics, 'llmUngroundedReasons'>,
  createPool: () => ScoringEngine & { close(): Promise<void> } = () =>
    createScoringPool({ threads: config.scoringThreads }),
): Promise<ServiceEngine> {
  if (config.scorer === 'local') {
    const pool = createPool();
    return { engine: pool, close: () => pool.close() };
  }
  const { createLlmEngine } = await import('../scoring/llm/engine.ts');
  const pool = createPool();
  const engine = createLlmEngine({
    settings: llmSettingsFrom(config),
    retentionMs: config.retentionMs,
    cache: databaseLlmCache(store.db),
    onUngrounded: (count) => metrics.llmUngroundedReasons.inc(count),
    localReader: {
      scoreEach: async (jobSpec, cvs, options) =>
        pool.scoreEach
          ? pool.scoreEach(jobSpec, cvs, options)
          : (await pool.scoreBatch(jobSpec, cvs, options)).map((value) => ({ ok: true, value })),
    },
  });
  return { engine, close: () => pool.close() };
}
