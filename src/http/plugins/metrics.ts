import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.ts';
import type { Metrics } from '../metrics/metrics.ts';

export interface MetricsPluginOptions {
  readonly metrics: Metrics;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Route pattern, not the concrete path (a job id per series would explode the label set). */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Counts and times every response, and serves the registry at GET /metrics (Prometheus text format). */
async function registerMetrics(app: FastifyInstance, { metrics }: MetricsPluginOptions): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: METHODS.has(request.method) ? request.method : 'OTHER',
      route: routeLabel(request),
      status_code: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
  // Both 429s carry their reason as the error's code (the rate limiter's too: it throws our AppError).
  app.addHook('onError', async (_request, _reply, error) => {
    if (!(error instanceof AppError)) return;
    if (error.code === 'quota_exceeded') metrics.quotaRejections.inc();
    else if (error.code === 'rate_limited') metrics.rateLimitRejections.inc();
  });
  const schema = {
    tags: ['Operations'],
    summary: 'Prometheus metrics',
    description:
      'HTTP requests by route and status, jobs by status, queue depth and age, scoring time, webhook attempts, 429s and database connections (text format).',
  };
  app.get('/metrics', { schema }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export const metricsPlugin = fp(registerMetrics, { name: 'aptly-metrics', dependencies: ['aptly-openapi'] });
