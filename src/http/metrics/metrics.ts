import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics, in a registry of their own (not prom-client's global one), so an app
 * built in a test starts from zero. Labels stay few: method, route pattern and status only.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status_code'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly jobsSubmitted: Counter;
  readonly candidatesSubmitted: Counter;
  readonly candidatesScored: Counter<'outcome'>;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag): on for a running service. */
  readonly processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'aptly_' });
  const labelNames = ['method', 'route', 'status_code'] as const;
  return {
    registry,
    httpRequests: new Counter({
      name: 'aptly_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'aptly_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method, route pattern and status code.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsSubmitted: new Counter({
      name: 'aptly_jobs_submitted_total',
      help: 'Screening jobs accepted by POST /api/v1/screen.',
      registers: [registry],
    }),
    candidatesSubmitted: new Counter({
      name: 'aptly_candidates_submitted_total',
      help: 'Candidates in accepted screening jobs.',
      registers: [registry],
    }),
    candidatesScored: new Counter({
      name: 'aptly_candidates_scored_total',
      help: 'Candidates the scoring engine finished in this process, by outcome (scored or failed).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
