import { type Dispatcher, request } from 'undici';
import { WebhookAddressRefused } from './guarded-agent.ts';

export type AttemptResult =
  | { readonly delivered: true; readonly statusCode: number }
  | { readonly delivered: false; readonly statusCode: number | null; readonly error: string };

export interface PostOptions {
  readonly dispatcher: Dispatcher;
  /** The whole attempt — connect, send, response headers — must finish within this (15 s by default). */
  readonly timeoutMs: number;
}

/**
 * One delivery attempt: a 2xx within the timeout is delivered; anything else is a failure described in a
 * few words for `last_error` — a status, a timeout, an error code — never the URL, payload or secret.
 * Redirects are not followed: a 3xx is a failure like any other non-2xx.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await request(url, {
      method: 'POST',
      headers,
      body,
      dispatcher: options.dispatcher,
      signal: controller.signal,
    });
    const statusCode = response.statusCode;
    // The answer is the status; the body means nothing to us. Reading it (bounded, within the same
    // deadline) lets the connection be reused, and a receiver that fails to send it changes nothing.
    await response.body.dump({ limit: 64 * 1024, signal: controller.signal }).catch(() => undefined);
    if (statusCode >= 200 && statusCode < 300) return { delivered: true, statusCode };
    return { delivered: false, statusCode, error: `HTTP ${statusCode}` };
  } catch (error) {
    if (controller.signal.aborted)
      return { delivered: false, statusCode: null, error: `timed out after ${options.timeoutMs} ms` };
    return { delivered: false, statusCode: null, error: describeFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof WebhookAddressRefused) return `refused: ${error.message}`;
  const code = errorCode(error) ?? errorCode(error instanceof Error ? error.cause : undefined);
  return code ? `connection failed (${code})` : 'request failed';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
