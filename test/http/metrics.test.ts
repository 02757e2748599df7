import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/http/metrics/metrics.ts';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, screenBody, seedTenant, type Tenant } from './support/test-app.ts';

describeEachDialect('GET /metrics', (database) => {
  let app: FastifyInstance;
  let tenant: Tenant;
  let metrics: Metrics;

  beforeAll(async () => {
    metrics = createMetrics();
    app = await buildTestApp(database().store, { metrics });
    tenant = await seedTenant(database().store.db);
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts requests by route pattern and status, jobs and candidates submitted', async () => {
    const headers = { 'x-api-key': tenant.apiKey };
    const job = await app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload: screenBody(3) });
    await app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload: { job_spec: 1 } });
    await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.json().job_id}`, headers });
    await app.inject({ method: 'GET', url: '/api/v1/jobs/3f8a2b1c-d4e5-4f67-89ab-cdef01234567', headers });
    await app.inject({ method: 'GET', url: '/no/such/path/1234' });
    metrics.candidatesScored.inc({ outcome: 'scored' }, 2);

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.body;
    const line = (name: string) =>
      new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1];
    expect(line('aptly_http_requests_total{method="POST",route="/api/v1/screen",status_code="200"}')).toBe(
      '1',
    );
    expect(line('aptly_http_requests_total{method="POST",route="/api/v1/screen",status_code="422"}')).toBe(
      '1',
    );
    expect(
      line('aptly_http_requests_total{method="GET",route="/api/v1/jobs/:job_id",status_code="200"}'),
    ).toBe('1');
    expect(
      line('aptly_http_requests_total{method="GET",route="/api/v1/jobs/:job_id",status_code="404"}'),
    ).toBe('1');
    expect(line('aptly_http_requests_total{method="GET",route="unmatched",status_code="404"}')).toBe('1');
    expect(
      line(
        'aptly_http_request_duration_seconds_count{method="POST",route="/api/v1/screen",status_code="200"}',
      ),
    ).toBe('1');
    expect(line('aptly_jobs_submitted_total')).toBe('1');
    expect(line('aptly_candidates_submitted_total')).toBe('3');
    expect(line('aptly_candidates_scored_total{outcome="scored"}')).toBe('2');
    // Concrete ids never become label values.
    expect(text).not.toContain(job.json().job_id);
    expect(text).not.toContain('1234');
  });
});
