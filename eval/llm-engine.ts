import { loadConfig } from '../src/config/config.ts';
import type { ScoringEngine } from '../src/scoring/engine.ts';
import type { LlmEngine } from '../src/scoring/llm/engine.ts';
import { LlmConfigError, llmEngineInfo, llmSettingsFrom } from '../src/scoring/llm/settings.ts';

/**
 * The configured LLM provider for `aptly eval --engine llm`: APTLY_SCORER (openai-compatible, openai or
 * anthropic) and APTLY_LLM_* from the environment, exactly as the service reads them. A candidate the
 * model could not score counts as 0 (a "do not progress"), as a client would have to treat it; how many
 * there were is printed when the run ends, so a flaky model cannot hide behind the figures. The engine
 * (and the AI SDK) is imported on the first batch: every `aptly` command loads this module.
 */
export function createEvalLlmEngine(env: NodeJS.ProcessEnv = process.env): ScoringEngine {
  checkEvalLlmConfig(env);
  const config = loadConfig(env);
  const settings = llmSettingsFrom(config);
  const info = llmEngineInfo(settings);
  let engine: Promise<LlmEngine> | undefined;
  const load = () =>
    (engine ??= import('../src/scoring/llm/engine.ts').then(({ createLlmEngine }) =>
      createLlmEngine({ settings, retentionMs: config.retentionMs }),
    ));
  let failed = 0;
  return {
    name: 'llm',
    version: `${info.name}:${info.version}`,
    async scoreBatch(jobSpec, cvs, options) {
      const outcomes = await (await load()).scoreEach(jobSpec, cvs, options);
      return outcomes.map((outcome) => {
        if (outcome.ok) return outcome.value;
        failed += 1;
        return { score: 0, match_reasons: [], gaps: [] };
      });
    },
    async close() {
      if (failed > 0) process.stderr.write(`  llm: ${failed} CV(s) could not be scored and counted as 0\n`);
    },
  };
}

/** Checks the LLM configuration before any scoring starts; throws the message to show the user. */
export function checkEvalLlmConfig(env: NodeJS.ProcessEnv = process.env): void {
  const config = loadConfig(env);
  if (config.scorer === 'local')
    throw new LlmConfigError(
      '--engine llm needs APTLY_SCORER=openai-compatible|openai|anthropic and APTLY_LLM_MODEL (see README "LLM engines")',
    );
  llmSettingsFrom(config);
}
