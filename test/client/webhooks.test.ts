import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../../packages/client/src/index.ts';
import { signedWebhookHeaders } from '../../src/webhooks/signing.ts';

/** A whsec_ secret as the service issues them: 32 random bytes, base64. */
const SECRET = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
const OTHER = `whsec_${Buffer.from('fedcba9876543210fedcba9876543210').toString('base64')}`;
const PAYLOAD = { job_id: 'c1d2', status: 'complete', results: [], failed: [] };
const BODY = JSON.stringify(PAYLOAD);
// Now, to the second: the reference implementation checks the timestamp against the real clock.
const AT = new Date(Math.floor(Date.now() / 1000) * 1000);

describe('verifyWebhook (Standard Webhooks, WebCrypto)', () => {
  it('accepts what the standardwebhooks library signs, and the service sends, from a plain object or Headers', async () => {
    const headers = signedWebhookHeaders(SECRET, 'msg_1', AT, BODY);
    expect(await verifyWebhook(SECRET, BODY, headers, { now: AT })).toEqual(PAYLOAD);
    expect(await verifyWebhook(SECRET, BODY, new Headers(headers), { now: AT })).toEqual(PAYLOAD);
    // The reference implementation agrees on the same delivery.
    expect(new Webhook(SECRET).verify(BODY, { ...headers })).toEqual(PAYLOAD);
  });

  it('accepts a delivery carrying several signatures when one of them is under this secret (rotation)', async () => {
    const mine = new Webhook(SECRET).sign('msg_2', AT, BODY);
    const theirs = new Webhook(OTHER).sign('msg_2', AT, BODY);
    const headers = {
      'webhook-id': 'msg_2',
      'webhook-timestamp': String(AT.getTime() / 1000),
      'webhook-signature': `${theirs} ${mine}`,
    };
    expect(await verifyWebhook(SECRET, BODY, headers, { now: AT })).toEqual(PAYLOAD);
  });

  it('refuses another secret, a changed body or id, a stale timestamp and missing headers', async () => {
    const headers = signedWebhookHeaders(SECRET, 'msg_3', AT, BODY);
    const refused = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(WebhookVerificationError);
    await refused(verifyWebhook(OTHER, BODY, headers, { now: AT }));
    await refused(verifyWebhook(SECRET, BODY.replace('complete', 'failed'), headers, { now: AT }));
    await refused(verifyWebhook(SECRET, BODY, { ...headers, 'webhook-id': 'msg_4' }, { now: AT }));
    await refused(verifyWebhook(SECRET, BODY, headers, { now: new Date(AT.getTime() + 301_000) }));
    await refused(verifyWebhook(SECRET, BODY, { 'webhook-id': 'msg_3' }, { now: AT }));
    // Within the tolerance either way.
    expect(await verifyWebhook(SECRET, BODY, headers, { now: new Date(AT.getTime() - 299_000) })).toEqual(
      PAYLOAD,
    );
  });
});
