import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/http/metrics/metrics.ts';
import { startMetricsServer } from '../../src/http/metrics-server.ts';
import type { HttpServer } from '../../src/http/server.ts';

describe("a worker's metrics listener (APTLY_METRICS_PORT)", () => {
  const metrics = createMetrics();
  let server: HttpServer;

  beforeAll(async () => {
    server = await startMetricsServer({ metrics, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("serves the process's own series at GET /metrics, and /healthz", async () => {
    metrics.webhookAttempts.inc({ outcome: 'delivered' });
    metrics.scoringDuration.observe({ engine: 'local' }, 0.2);
    const scraped = await fetch(`${server.url}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await scraped.text();
    expect(text).toMatch(/^aptly_webhook_attempts_total\{outcome="delivered"\} 1$/m);
    expect(text).toMatch(/^aptly_scoring_duration_seconds_count\{engine="local"\} 1$/m);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('serves nothing else: the API is not there', async () => {
    const response = await fetch(`${server.url}/api/v1/screen`, { method: 'POST' });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});
