import type { Config, ScorerName } from '../../config/config.ts';
import { PROMPT_VERSION } from './prompt.ts';

export type LlmProviderName = Exclude<ScorerName, 'local'>;

/** Everything an LLM engine needs from the configuration, checked once when the engine is built. */
export interface LlmSettings {
  readonly provider: LlmProviderName;
  readonly model: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly redact: boolean;
  /** First pause before a retry when the provider names none; doubles per attempt. */
  readonly backoffMs?: number;
  /** Longest pause we accept, also for a provider's Retry-After. */
  readonly maxBackoffMs?: number;
}

export class LlmConfigError extends Error {
  override name = 'LlmConfigError';
}

/** Where each provider answers when APTLY_LLM_BASE_URL is not set (openai-compatible has no default). */
const DEFAULT_BASE_URLS: Partial<Record<LlmProviderName, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
};

/** The LLM settings of a configuration whose scorer is not `local`, or a message naming what is missing. */
export function llmSettingsFrom(config: Pick<Config, 'scorer' | 'llm'>): LlmSettings {
  const provider = config.scorer;
  if (provider === 'local') throw new LlmConfigError('APTLY_SCORER=local does not use a language model');
  const { model, baseUrl, apiKey } = config.llm;
  if (!model) throw new LlmConfigError(`APTLY_SCORER=${provider} needs APTLY_LLM_MODEL`);
  if (provider === 'openai-compatible' && !baseUrl)
    throw new LlmConfigError(
      'APTLY_SCORER=openai-compatible needs APTLY_LLM_BASE_URL (e.g. http://127.0.0.1:11434/v1)',
    );
  if (provider !== 'openai-compatible' && !apiKey)
    throw new LlmConfigError(`APTLY_SCORER=${provider} needs APTLY_LLM_API_KEY`);
  return {
    provider,
    model,
    baseUrl: baseUrl ?? DEFAULT_BASE_URLS[provider],
    ...(apiKey ? { apiKey } : {}),
    concurrency: config.llm.concurrency,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    redact: config.llm.redact,
  };
}

/**
 * What the job's `scoring` field records: provider, then model and prompt version. Here rather than in
 * engine.ts so a process can name its engine without loading the AI SDK (engine.ts re-exports it).
 */
export function llmEngineInfo(settings: Pick<LlmSettings, 'provider' | 'model'>): {
  name: string;
  version: string;
} {
  return { name: settings.provider, version: `model=${settings.model};prompt=${PROMPT_VERSION}` };
}
