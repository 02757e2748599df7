import pino from 'pino';
import { expect, vi } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import type { Store } from '../../../src/store/database.ts';
import {
  startWebhookSender,
  type WebhookSender,
  type WebhookSenderOptions,
} from '../../../src/webhooks/sender.ts';
import type { TestDatabase } from '../../support/databases.ts';
import { deliveryRow } from './jobs.ts';
import { type Behaviour, type Receiver, startReceiver } from './receiver.ts';

/** APTLY_WEBHOOK_ALLOW_PRIVATE=1 so the receivers on 127.0.0.1 are reachable, plus what a test sets. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({ APTLY_WEBHOOK_ALLOW_PRIVATE: '1', ...env });
}

/** Senders, receivers and extra connections a test starts, all ended by `cleanUp`. */
export function createHarness(database: () => TestDatabase) {
  const senders: WebhookSender[] = [];
  const receivers: Receiver[] = [];
  const stores: Store[] = [];
  const logger = pino({ level: 'silent' });
  return {
    startSender(options: Partial<WebhookSenderOptions> = {}): WebhookSender {
      const sender = startWebhookSender({
        store: database().store,
        config: testConfig(),
        logger,
        ...options,
      });
      senders.push(sender);
      return sender;
    },
    async receiver(behaviour: Behaviour): Promise<Receiver> {
      const receiver = await startReceiver(behaviour);
      receivers.push(receiver);
      return receiver;
    },
    /** A second connection to the same database: another process, as far as the sender can tell. */
    anotherConnection(): Store {
      const store = database().openAnother();
      stores.push(store);
      return store;
    },
    async waitForRow(jobId: string, expected: Record<string, unknown>, timeout = 5_000) {
      await vi.waitFor(
        async () => expect(await deliveryRow(database().store.db, jobId)).toMatchObject(expected),
        {
          timeout,
          interval: 10,
        },
      );
      return deliveryRow(database().store.db, jobId);
    },
    async cleanUp() {
      await Promise.all(senders.splice(0).map((sender) => sender.stop()));
      await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
      await Promise.all(stores.splice(0).map((store) => store.close()));
      await database().store.db.deleteFrom('webhook_deliveries').execute();
    },
  };
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
