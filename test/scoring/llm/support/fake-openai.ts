import { type FakeProvider, startFakeProvider } from './fake-provider.ts';

/**
 * The OpenAI chat completions API as OpenAI, Ollama, vLLM and llama.cpp serve it: POST /v1/chat/completions
 * answered with one choice whose message content is the model's (structured) output.
 */
export function startFakeOpenAi(latencyMs?: number): Promise<FakeProvider> {
  let serial = 0;
  return startFakeProvider(
    '/v1/chat/completions',
    (request, output) => ({
      id: `chatcmpl-${++serial}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: String(request.body.model),
      choices: [{ index: 0, message: { role: 'assistant', content: output }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 900, completion_tokens: 120, total_tokens: 1020 },
    }),
    latencyMs,
  );
}

/** The user message of a recorded chat completions request (where the CV travels). */
export function openAiUserMessage(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ role: string; content: unknown }>;
  const user = messages.find((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
}
