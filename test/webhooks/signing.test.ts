import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '../../src/webhooks/secret.ts';
import { signedWebhookHeaders } from '../../src/webhooks/signing.ts';

describe('webhook signing (Standard Webhooks)', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ job_id: 'j1', status: 'complete', results: [], failed: [] });
  const at = new Date();

  it('produces the spec headers, verified by the standardwebhooks library', () => {
    const headers = signedWebhookHeaders(secret, 'msg_j1', at, body);
    expect(headers['webhook-id']).toBe('msg_j1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toMatch(/Aptly/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('is refused under another secret, or with the body changed', () => {
    const headers = signedWebhookHeaders(secret, 'msg_j1', at, body);
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(secret).verify(body.replace('complete', 'failed'), headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it('signs each attempt at its own timestamp under the same id', () => {
    const later = new Date(at.getTime() + 30_000);
    const first = signedWebhookHeaders(secret, 'msg_j1', at, body);
    const retry = signedWebhookHeaders(secret, 'msg_j1', later, body);
    expect(retry['webhook-id']).toBe(first['webhook-id']);
    expect(retry['webhook-timestamp']).not.toBe(first['webhook-timestamp']);
    expect(retry['webhook-signature']).not.toBe(first['webhook-signature']);
    expect(new Webhook(secret).verify(body, retry)).toBeTruthy();
  });
});
