import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createMetrics, type Metrics } from '../../src/http/metrics/metrics.ts';
import { startWorker, type Worker } from '../../src/queue/index.ts';
import { createLocalEngine } from '../../src/scoring/local/engine.ts';
import { countingEngine } from '../../src/service/counting-engine.ts';
import { startWebhookSender, type WebhookSender } from '../../src/webhooks/sender.ts';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, screenBody, seedTenant, TEST_CONFIG, type Tenant } from './support/test-app.ts';

/** The value of one sample line, e.g. `aptly_jobs{status="complete"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const escaped = series.replace(/[{}"]/g, '\\$&');
  const value = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text)?.[1];
  return value === undefined ? undefined : Number(value);
}

describeEachDialect('GET /metrics: every series of the service, moving with activity', (database) => {
  const logger = pino({ level: 'silent' });
  let metrics: Metrics;
  let app: FastifyInstance;
  /** Shares the registry, with a limit of one request a minute: the second is rate limited. */
  let strictApp: FastifyInstance;
  let tenant: Tenant;
  let worker: Worker | undefined;
  let sender: WebhookSender | undefined;

  beforeAll(async () => {
    const { store } = database();
    metrics = createMetrics({ store });
    app = await buildTestApp(store, { metrics });
    strictApp = await buildTestApp(store, { metrics, config: { ...TEST_CONFIG, rateLimitPerMinute: 1 } });
    tenant = await seedTenant(store.db, { hardCapScans: 4 });
  });
  afterAll(async () => {
    await worker?.stop();
    await sender?.stop();
    await app.close();
    await strictApp.close();
  });

  const scrape = async () => {
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('reports jobs, queue, scoring, webhooks, 429s and connections', async () => {
    const { store } = database();
    const headers = { 'x-api-key': tenant.apiKey };
    const submit = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload });
    const plain = await submit(screenBody(2));
    expect(plain.statusCode).toBe(200);
    // Nothing listens on port 1: the attempt fails and a retry is scheduled.
    const hooked = await submit(screenBody(1, { webhook_url: 'https://127.0.0.1:1/hook' }));
    expect(hooked.statusCode).toBe(200);
    expect((await submit(screenBody(2))).statusCode).toBe(429); // 3 + 2 > hard cap of 4
    const jobUrl = `/api/v1/jobs/${plain.json().job_id}`;
    expect((await strictApp.inject({ method: 'GET', url: jobUrl, headers })).statusCode).toBe(200);
    expect((await strictApp.inject({ method: 'GET', url: jobUrl, headers })).statusCode).toBe(429);

    const before = await scrape();
    expect(sample(before, 'aptly_jobs{status="pending"}')).toBe(2);
    expect(sample(before, 'aptly_jobs{status="complete"}')).toBe(0);
    expect(sample(before, 'aptly_queued_candidates')).toBe(3);
    expect(sample(before, 'aptly_oldest_queued_candidate_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(before, 'aptly_quota_rejections_total')).toBe(1);
    expect(sample(before, 'aptly_rate_limit_rejections_total')).toBe(1);
    expect(sample(before, 'aptly_webhook_attempts_total{outcome="retry"}')).toBe(0);
    expect(sample(before, 'aptly_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'aptly_db_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
    expect(before).not.toMatch(/^aptly_scoring_duration_seconds_count/m);

    const engine = countingEngine(createLocalEngine(), metrics);
    worker = startWorker({ store, engine, config: { leaseMs: 30_000, pollIntervalMs: 20 }, logger });
    sender = startWebhookSender({
      store,
      config: TEST_CONFIG,
      logger,
      pollIntervalMs: 20,
      onAttempt: (outcome) => metrics.webhookAttempts.inc({ outcome }),
    });
    await vi.waitFor(
      async () => {
        const text = await scrape();
        expect(sample(text, 'aptly_jobs{status="complete"}')).toBe(2);
        expect(sample(text, 'aptly_webhook_attempts_total{outcome="retry"}')).toBe(1);
      },
      { timeout: 15_000, interval: 50 },
    );

    const after = await scrape();
    expect(sample(after, 'aptly_jobs{status="pending"}')).toBe(0);
    expect(sample(after, 'aptly_queued_candidates')).toBe(0);
    expect(sample(after, 'aptly_oldest_queued_candidate_age_seconds')).toBe(0);
    expect(sample(after, 'aptly_scoring_duration_seconds_count{engine="local"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'aptly_candidates_scored_total{outcome="scored"}')).toBe(3);
    expect(sample(after, 'aptly_webhook_attempts_total{outcome="delivered"}')).toBe(0);
    expect(
      sample(
        after,
        'aptly_http_request_duration_seconds_count{method="POST",route="/api/v1/screen",status_code="429"}',
      ),
    ).toBe(1);
  });
});
