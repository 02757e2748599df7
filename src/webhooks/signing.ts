import { Webhook } from 'standardwebhooks';

export const WEBHOOK_USER_AGENT = 'Aptly-Intelligence-Webhooks/1.0';

/**
 * The headers of one delivery attempt, per the Standard Webhooks spec: `webhook-id` (stable across
 * retries, so receivers can de-duplicate), `webhook-timestamp` (this attempt, unix seconds) and
 * `webhook-signature` ("v1,<base64 HMAC-SHA256 of id.timestamp.body>" under the organisation's whsec_
 * secret). The standardwebhooks library signs, so it is byte for byte what receivers verify.
 */
export function signedWebhookHeaders(
  secret: string,
  deliveryId: string,
  attemptAt: Date,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'webhook-id': deliveryId,
    'webhook-timestamp': String(Math.floor(attemptAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(deliveryId, attemptAt, body),
  };
}
