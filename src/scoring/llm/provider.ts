import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { LlmSettings } from './settings.ts';

/**
 * The AI SDK model for the configured provider. OpenAI goes through its chat completions API, the same
 * protocol every OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) speaks, so one fake server
 * tests both; structured output is requested as a JSON schema wherever the provider supports it.
 */
export function createLanguageModel(settings: LlmSettings): LanguageModel {
  const { provider, model, baseUrl, apiKey } = settings;
  switch (provider) {
    case 'openai':
      return createOpenAI({ ...(baseUrl ? { baseURL: baseUrl } : {}), apiKey }).chat(model);
    case 'anthropic':
      return createAnthropic({ ...(baseUrl ? { baseURL: baseUrl } : {}), apiKey })(model);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: baseUrl ?? '',
        ...(apiKey ? { apiKey } : {}),
        supportsStructuredOutputs: true,
      }).chatModel(model);
  }
}
