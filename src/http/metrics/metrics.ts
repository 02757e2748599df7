import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Store } from '../../store/database.ts';
import { registerStoreGauges } from './store-gauges.ts';

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
  readonly scoringDuration: Histogram<'engine'>;
  readonly webhookAttempts: Counter<'outcome'>;
  readonly quotaRejections: Counter;
  readonly rateLimitRejections: Counter;
  readonly llmUngroundedReasons: Counter;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag): on for a running service. */
  readonly processMetrics?: boolean;
  /** The database whose jobs, queue and connections are reported at each scrape; none: not reported. */
  readonly store?: Store;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'aptly_' });
  if (options.store) registerStoreGauges(registry, options.store);
  const labelNames = ['method', 'route', 'status_code'] as const;
  const metrics: Metrics = {
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
    scoringDuration: new Histogram({
      name: 'aptly_scoring_duration_seconds',
      help: 'Time the engine took to score one batch of candidates, by engine.',
      labelNames: ['engine'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: 'aptly_webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome: delivered, retry (another attempt scheduled) or failed (none left).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    quotaRejections: new Counter({
      name: 'aptly_quota_rejections_total',
      help: 'Submissions refused with 429 because the monthly quota would be exceeded.',
      registers: [registry],
    }),
    rateLimitRejections: new Counter({
      name: 'aptly_rate_limit_rejections_total',
      help: 'Requests refused with 429 by the per-minute rate limit.',
      registers: [registry],
    }),
    llmUngroundedReasons: new Counter({
      name: 'aptly_llm_ungrounded_reasons_total',
      help: 'Match reasons an LLM engine returned that cite nothing in the CV, dropped before storing.',
      registers: [registry],
    }),
  };
  // Outcomes start at 0, so a rate over them is defined before the first attempt.
  for (const outcome of WEBHOOK_OUTCOMES) metrics.webhookAttempts.inc({ outcome }, 0);
  return metrics;
}

const WEBHOOK_OUTCOMES = ['delivered', 'retry', 'failed'] as const;
