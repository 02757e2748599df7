import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Scheduler, startScheduler, startWorker, type Worker } from '../../src/queue/index.ts';
import { createLocalEngine } from '../../src/scoring/local/engine.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { startWebhookSender, type WebhookSender } from '../../src/webhooks/sender.ts';
import { startTcpProxy, type TcpProxy } from '../http/support/tcp-proxy.ts';
import { buildTestApp, screenBody, seedTenant, TEST_CONFIG, type Tenant } from '../http/support/test-app.ts';
import {
  checkPostgres,
  createTestDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/databases.ts';

/**
 * Worker, scheduler and webhook sender keep running through a PostgreSQL outage (they log, back off and
 * retry; nothing crashes) and finish the queued work once the database is back, without a restart.
 */
describe('background work through a PostgreSQL outage', () => {
  const logLines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
  let database: TestDatabase | undefined;
  let proxy: TcpProxy;
  let store: Store;
  let app: FastifyInstance;
  let tenant: Tenant;
  const running: { worker?: Worker; scheduler?: Scheduler; sender?: WebhookSender } = {};

  beforeAll(async () => {
    if (!(await checkPostgres())) return;
    database = await createTestDatabase('postgres');
    const target = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(TEST_DATABASE_URL);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    store = openStore(proxied.toString(), {
      searchPath: database.searchPath,
      timeoutMs: 500,
      maxConnections: 4,
    });
    // Submissions go straight to the database: only the background work loses it.
    app = await buildTestApp(database.store);
    tenant = await seedTenant(database.store.db);
  });
  afterAll(async () => {
    await running.worker?.stop();
    await running.scheduler?.stop();
    await running.sender?.stop();
    await app?.close();
    await store?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('logs and retries while the database is gone, then completes the queued job', async (ctx) => {
    if (!database) return ctx.skip();
    running.worker = startWorker({
      store,
      engine: createLocalEngine(),
      config: { leaseMs: 30_000, pollIntervalMs: 20 },
      logger,
      backoffMs: 50,
    });
    running.scheduler = startScheduler({ store, config: { housekeepingIntervalMs: 100 }, logger });
    running.sender = startWebhookSender({ store, config: TEST_CONFIG, logger, pollIntervalMs: 20 });

    await proxy.cut();
    const headers = { 'x-api-key': tenant.apiKey };
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers,
      payload: screenBody(3),
    });
    expect(submitted.statusCode).toBe(200);
    const jobUrl = `/api/v1/jobs/${submitted.json().job_id}`;
    await vi.waitFor(
      () => {
        const messages = logLines.map((line) => JSON.parse(line).msg);
        expect(messages).toContain('queue: storage error; retrying');
        expect(messages).toContain('scheduler: housekeeping failed');
        expect(messages).toContain('webhook sender round failed; retrying');
      },
      { timeout: 10_000, interval: 50 },
    );
    expect((await app.inject({ method: 'GET', url: jobUrl, headers })).json().status).toBe('pending');

    await proxy.restore();
    await vi.waitFor(
      async () =>
        expect((await app.inject({ method: 'GET', url: jobUrl, headers })).json().status).toBe('complete'),
      { timeout: 20_000, interval: 100 },
    );
  });
});
