import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
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
  const schema = {
    tags: ['Operations'],
    summary: 'Prometheus metrics',
    description: 'HTTP requests by route and status, jobs submitted, candidates scored (text format).',
  };
  app.get('/metrics', { schema }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export const metricsPlugin = fp(registerMetrics, { name: 'aptly-metrics', dependencies: ['aptly-openapi'] });
