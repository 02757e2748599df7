import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_DECISION_LOG_DAYS } from '../domain/decision.ts';
import { LIMITS } from '../domain/limits.ts';
import { parseDuration, parseDurationList } from './durations.ts';

/**
 * The service's configuration: read from the environment once at start, validated, frozen. A bad value
 * stops the process with a message naming the variable (DESIGN.md §4 lists them all).
 */
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const duration = z.string().transform((text, ctx) => {
  try {
    return parseDuration(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const ROLES = ['all', 'api', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export const SCORERS = ['local', 'openai-compatible', 'openai', 'anthropic'] as const;
export type ScorerName = (typeof SCORERS)[number];

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(?:sqlite:|postgres(?:ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/aptly.db'),
  APTLY_DB_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  // Generous by default: a burst of 2 MB submissions on a busy machine must queue, not answer 503.
  APTLY_DB_TIMEOUT: duration.pipe(z.number().min(100, 'must be at least 100ms')).default(15_000),
  APTLY_SCORER: z.enum(SCORERS).default('local'),
  APTLY_LLM_BASE_URL: z.url().optional(),
  APTLY_LLM_MODEL: z.string().min(1).optional(),
  APTLY_LLM_API_KEY: z.string().min(1).optional(),
  APTLY_LLM_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  APTLY_LLM_TIMEOUT: duration.pipe(z.number().min(100, 'must be at least 100ms')).default(60_000),
  APTLY_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  APTLY_LLM_REDACT: flag.default(true),
  APTLY_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APTLY_JWT_TTL: duration.default(3_600_000),
  APTLY_RETENTION_HOURS: z.coerce.number().positive().default(LIMITS.retentionHours),
  APTLY_DECISION_LOG_DAYS: z.coerce.number().int().min(1).max(36_500).default(DEFAULT_DECISION_LOG_DAYS),
  APTLY_WEBHOOK_RETRY_DELAYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return parseDurationList(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .default([...LIMITS.webhookRetryDelaysMs]),
  APTLY_WEBHOOK_TIMEOUT: duration.default(LIMITS.webhookTimeoutMs),
  APTLY_WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  APTLY_BOOTSTRAP: flag.default(true),
  APTLY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  APTLY_SCORING_THREADS: z.coerce.number().int().positive().default(Math.max(1, availableParallelism())),
  APTLY_SUBMIT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(4),
  APTLY_SCORING_NICE: z.coerce.number().int().min(0).max(19).default(10),
  APTLY_LEASE: duration.default(60_000),
  APTLY_POLL_INTERVAL: duration.default(200),
  APTLY_HOUSEKEEPING_INTERVAL: duration.default(60_000),
  APTLY_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  APTLY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /** PostgreSQL only: connections each process may hold (API requests, workers and sender share them). */
  readonly dbPoolSize: number;
  /**
   * Longest wait for a connection and longest statement: past it a request answers 503 rather than hang
   * while the database is down or stuck (PostgreSQL only; SQLite waits this long on a locked file).
   */
  readonly dbTimeoutMs: number;
  readonly scorer: ScorerName;
  readonly llm: {
    readonly baseUrl?: string;
    readonly model?: string;
    readonly apiKey?: string;
    /** Model calls in flight at once per process (a provider's rate limit is per account). */
    readonly concurrency: number;
    /** Longest wait for one model call; past it the call counts as failed and is retried. */
    readonly timeoutMs: number;
    /** Further attempts after a 429, a 5xx, a timeout or a refused connection. */
    readonly maxRetries: number;
    /** Contact details and protected attributes leave the machine only when this is false. */
    readonly redact: boolean;
  };
  /** Absent: a secret is generated once and kept in the database, so every process shares it. */
  readonly jwtSecret?: string;
  readonly jwtTtlMs: number;
  readonly retentionMs: number;
  /** Days a decision-log row is kept after the decision (audits), independent of retentionMs. */
  readonly decisionLogDays: number;
  readonly webhook: {
    readonly retryDelaysMs: readonly number[];
    readonly timeoutMs: number;
    readonly allowPrivate: boolean;
  };
  readonly bootstrap: boolean;
  readonly rateLimitPerMinute: number;
  /** Submissions whose bodies one API process reads and stores at once; the rest wait unread. */
  readonly submitConcurrency: number;
  readonly scoringThreads: number;
  /** Unix nice increment of the scoring threads (0 = same priority as the HTTP event loop). */
  readonly scoringNice: number;
  readonly leaseMs: number;
  readonly pollIntervalMs: number;
  /** Between two rounds of the scheduler's housekeeping (purge expired jobs, reap leases, …). */
  readonly housekeepingIntervalMs: number;
  readonly logLevel: string;
  /** Worker role only: a port serving GET /metrics and /healthz; absent, a worker listens on nothing. */
  readonly metricsPort?: number;
}

export class ConfigError extends Error {}

/** Parses the environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.APTLY_DB_POOL_SIZE,
    dbTimeoutMs: e.APTLY_DB_TIMEOUT,
    scorer: e.APTLY_SCORER,
    llm: {
      baseUrl: e.APTLY_LLM_BASE_URL,
      model: e.APTLY_LLM_MODEL,
      apiKey: e.APTLY_LLM_API_KEY,
      concurrency: e.APTLY_LLM_CONCURRENCY,
      timeoutMs: e.APTLY_LLM_TIMEOUT,
      maxRetries: e.APTLY_LLM_MAX_RETRIES,
      redact: e.APTLY_LLM_REDACT,
    },
    jwtSecret: e.APTLY_JWT_SECRET,
    jwtTtlMs: e.APTLY_JWT_TTL,
    retentionMs: e.APTLY_RETENTION_HOURS * 3_600_000,
    decisionLogDays: e.APTLY_DECISION_LOG_DAYS,
    webhook: {
      retryDelaysMs: e.APTLY_WEBHOOK_RETRY_DELAYS,
      timeoutMs: e.APTLY_WEBHOOK_TIMEOUT,
      allowPrivate: e.APTLY_WEBHOOK_ALLOW_PRIVATE,
    },
    bootstrap: e.APTLY_BOOTSTRAP,
    rateLimitPerMinute: e.APTLY_RATE_LIMIT_PER_MINUTE,
    submitConcurrency: e.APTLY_SUBMIT_CONCURRENCY,
    scoringThreads: e.APTLY_SCORING_THREADS,
    scoringNice: e.APTLY_SCORING_NICE,
    leaseMs: e.APTLY_LEASE,
    pollIntervalMs: e.APTLY_POLL_INTERVAL,
    housekeepingIntervalMs: e.APTLY_HOUSEKEEPING_INTERVAL,
    logLevel: e.APTLY_LOG_LEVEL,
    ...(e.APTLY_METRICS_PORT === undefined ? {} : { metricsPort: e.APTLY_METRICS_PORT }),
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
