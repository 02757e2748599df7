import { type FakeProvider, type RecordedRequest, startFakeProvider } from './fake-provider.ts';

/**
 * The Anthropic messages API: POST /v1/messages. @ai-sdk/anthropic asks for structured output in one of
 * two ways, and the fake answers each as Anthropic does: with native structured output
 * (`output_config.format`) the JSON comes back as a text block; otherwise the SDK offers a forced tool
 * named "json" and the answer is that tool's input. Text that is not JSON can only be a text block.
 */
export function startFakeAnthropic(latencyMs?: number): Promise<FakeProvider> {
  let serial = 0;
  return startFakeProvider(
    '/v1/messages',
    (request, output, reply) => {
      const viaTool = usesJsonTool(request) && reply.kind === 'answer';
      return {
        id: `msg_${++serial}`,
        type: 'message',
        role: 'assistant',
        model: String(request.body.model),
        content: viaTool
          ? [{ type: 'tool_use', id: `toolu_${serial}`, name: 'json', input: JSON.parse(output) }]
          : [{ type: 'text', text: output }],
        stop_reason: viaTool ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 900, output_tokens: 120 },
      };
    },
    latencyMs,
  );
}

export function usesJsonTool(request: RecordedRequest): boolean {
  const tools = request.body.tools as Array<{ name?: string }> | undefined;
  return tools?.some((tool) => tool.name === 'json') ?? false;
}

/** The text of the user message of a recorded messages request. */
export function anthropicUserMessage(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{
    role: string;
    content: Array<{ type: string; text?: string }> | string;
  }>;
  const user = messages.find((m) => m.role === 'user');
  if (!user) return '';
  return typeof user.content === 'string' ? user.content : user.content.map((c) => c.text ?? '').join('\n');
}
