import { connect as netConnect, type Socket } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGuardedAgent,
  guardConnector,
  WebhookAddressRefused,
} from '../../src/webhooks/guarded-agent.ts';
import { checkWebhookUrl } from '../../src/webhooks/ssrf-guard.ts';
import { type Receiver, startReceiver } from './support/receiver.ts';

describe('delivery-time address guard', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => 204);
  });
  afterAll(async () => {
    await receiver.close();
  });

  async function post(agent: ReturnType<typeof createGuardedAgent>, url: string) {
    try {
      const response = await request(url, { method: 'POST', body: '{}', dispatcher: agent });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await agent.close();
    }
  }

  it('refuses a host that resolved publicly at submission but resolves to 127.0.0.1 at delivery', async () => {
    let answers = 0;
    // DNS rebinding: the first answer (submission) is public, every later one (delivery) is loopback.
    const rebinding = async () => (answers++ === 0 ? ['93.184.216.34'] : ['127.0.0.1']);
    const url = `https://rebind.example:${receiver.port}/hook`;
    expect(await checkWebhookUrl(url, { allowPrivate: false, resolve: rebinding })).toBeUndefined();

    const before = receiver.requests.length;
    const agent = createGuardedAgent({ allowPrivate: false, resolve: rebinding });
    await expect(post(agent, `http://rebind.example:${receiver.port}/hook`)).rejects.toThrow(
      /rebind\.example resolves to a private or reserved address \(127\.0\.0\.1: loopback\)/,
    );
    expect(receiver.requests.length).toBe(before);
  });

  it('checks https deliveries the same way, before any TLS handshake', async () => {
    const agent = createGuardedAgent({ allowPrivate: false, resolve: async () => ['127.0.0.1'] });
    await expect(post(agent, `https://rebind.example:${receiver.port}/hook`)).rejects.toBeInstanceOf(
      WebhookAddressRefused,
    );
  });

  it('refuses when any resolved address is private, even beside a public one', async () => {
    const agent = createGuardedAgent({
      allowPrivate: false,
      resolve: async () => ['93.184.216.34', '10.0.0.1'],
    });
    await expect(post(agent, `http://mixed.example:${receiver.port}/`)).rejects.toBeInstanceOf(
      WebhookAddressRefused,
    );
  });

  it.each(['127.0.0.1', '[::ffff:127.0.0.1]'])('refuses the literal host %s', async (host) => {
    const before = receiver.requests.length;
    const agent = createGuardedAgent({ allowPrivate: false, resolve: async () => [] });
    await expect(post(agent, `http://${host}:${receiver.port}/`)).rejects.toThrow(
      /is a private or reserved address/,
    );
    expect(receiver.requests.length).toBe(before);
  });

  it('connects to private addresses when allowPrivate is set (development and tests)', async () => {
    const before = receiver.requests.length;
    const agent = createGuardedAgent({ allowPrivate: true, resolve: async () => ['127.0.0.1'] });
    expect(await post(agent, `http://rebind.example:${receiver.port}/hook`)).toBe(204);
    expect(receiver.requests.length).toBe(before + 1);
  });

  it('refuses, and closes, a socket whose remote address is private however it was reached', async () => {
    let opened: Socket | undefined;
    // A connector that ignores every name check and connects straight to loopback.
    const careless = guardConnector((_target, callback) => {
      const socket = netConnect(receiver.port, '127.0.0.1');
      opened = socket;
      socket.once('connect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    });
    const error = await new Promise<Error | null>((resolve) =>
      careless({ hostname: 'public.example', protocol: 'http:', port: String(receiver.port) }, (...result) =>
        resolve(result[0]),
      ),
    );
    expect(error).toBeInstanceOf(WebhookAddressRefused);
    expect(opened?.destroyed).toBe(true);
  });
});
