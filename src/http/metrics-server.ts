import Fastify from 'fastify';
import type { Metrics } from './metrics/metrics.ts';
import { type HttpServer, listen } from './server.ts';

export interface MetricsServerOptions {
  readonly metrics: Metrics;
  readonly host: string;
  readonly port: number;
}

/**
 * A worker serves no API, yet its scoring and webhook series exist only in its own process: this listener
 * (APTLY_METRICS_PORT) lets Prometheus scrape them. GET /metrics and /healthz only; nothing else answers.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<HttpServer> {
  const app = Fastify({ logger: false });
  const { registry } = options.metrics;
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  app.get('/healthz', async () => ({ status: 'ok' }));
  try {
    return await listen(app, { host: options.host, port: options.port, closeGraceMs: 1_000 });
  } catch (error) {
    await app.close();
    throw error;
  }
}
