import { isIpLiteral, refusedRange } from './address-policy.ts';
import { type ResolveHost, resolveHost } from './resolve-host.ts';

export interface WebhookUrlOptions {
  /**
   * APTLY_WEBHOOK_ALLOW_PRIVATE: lifts the public-address rule and allows http:// as well as https://.
   * For local development and tests only; never set it in production, where it lets any client make the
   * service POST into its own network.
   */
  readonly allowPrivate: boolean;
  readonly resolve?: ResolveHost;
}

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * Checks a client's webhook_url at submission (DESIGN.md §1). Returns undefined when it is acceptable,
 * otherwise the 400 detail to show the client. The address actually connected to is checked again at
 * delivery (guarded-agent.ts), so a name that later resolves elsewhere gains nothing.
 */
export async function checkWebhookUrl(url: string, options: WebhookUrlOptions): Promise<string | undefined> {
  if (url.length > WEBHOOK_URL_MAX_LENGTH)
    return `webhook_url must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`;
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const schemes = options.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!parsed || !schemes.includes(parsed.protocol) || parsed.hostname === '')
    return options.allowPrivate
      ? 'webhook_url must be an absolute http or https URL'
      : 'webhook_url must be an absolute https URL';
  if (parsed.username !== '' || parsed.password !== '') return 'webhook_url must not contain credentials';
  if (options.allowPrivate) return undefined;

  // The URL parser has already turned decimal, hex, octal and short IPv4 forms into dotted quads.
  const host = parsed.hostname;
  if (isIpLiteral(host))
    return refusedRange(host) === undefined
      ? undefined
      : `webhook_url must be publicly reachable: ${host} is a private or reserved address`;

  // A name that does not resolve now is accepted: the reference's own example (yourapp.com) must be, even
  // where DNS is unavailable, and nothing is reached through it. Delivery checks the address it connects to.
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? resolveHost)(host);
  } catch {
    return undefined;
  }
  if (addresses.some((address) => refusedRange(address) !== undefined))
    return `webhook_url must be publicly reachable: ${host} resolves to a private or reserved address`;
  return undefined;
}
