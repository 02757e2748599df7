import type { WebhookPayload } from './types.ts';

/** The delivery was not signed with this secret, is too old or too new, or lacks the Standard Webhooks headers. */
export class WebhookVerificationError extends Error {
  override name = 'WebhookVerificationError';
}

export interface VerifyOptions {
  /** How far webhook-timestamp may be from now, in seconds (default 300, as the Standard Webhooks spec). */
  readonly toleranceSeconds?: number;
  /** The current time (tests). */
  readonly now?: Date;
}

type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Verifies a webhook delivery per Standard Webhooks and returns its payload: HMAC-SHA256 under the
 * organisation's `whsec_` secret of `webhook-id.webhook-timestamp.body`, compared in constant time with
 * each `v1,` signature of webhook-signature. Pass the raw body exactly as received (not re-serialised JSON).
 * WebCrypto only, so it runs in Node 20+, Deno, Bun, browsers and edge runtimes.
 */
export async function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: HeaderSource,
  options: VerifyOptions = {},
): Promise<WebhookPayload> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing webhook-* headers');
  const sentAt = Number(timestamp);
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (!Number.isInteger(sentAt) || Math.abs(now - sentAt) > (options.toleranceSeconds ?? 300))
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');
  const expected = await sign(secret, `${id}.${timestamp}.${rawBody}`);
  const matched = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .some((s) => constantTimeEqual(s.slice(3), expected));
  if (!matched) throw new WebhookVerificationError('no signature matches');
  return JSON.parse(rawBody) as WebhookPayload;
}

async function sign(secret: string, content: string): Promise<string> {
  const keyBytes = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content)));
  return btoa(String.fromCharCode(...mac));
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' ? value : value?.join(' ');
}

/** Equal strings take the same time to compare whatever their content (no early exit). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
