import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/config.ts';
import type { Timestamp } from '../domain/time.ts';
import type { Store } from '../store/database.ts';
import type { Metrics } from './metrics/metrics.ts';

/** What the HTTP API needs from the process that runs it (the composition root, or a test). */
export interface AppDeps {
  readonly store: Store;
  readonly config: Pick<
    Config,
    'jwtTtlMs' | 'retentionMs' | 'rateLimitPerMinute' | 'webhook' | 'submitConcurrency'
  >;
  /** The key dashboard JWTs are signed with (accounts' resolveJwtSecret). */
  readonly jwtSecret: string;
  /** Which engine scores new jobs, recorded on each job. */
  readonly engineInfo: { readonly name: string; readonly version: string };
  /** Pino logger; none: logging off (tests). */
  readonly logger?: FastifyBaseLogger;
  /** Shared with the worker so /metrics also counts scored candidates; created when absent. */
  readonly metrics?: Metrics;
  /** The clock; tests move it to see expiry. */
  readonly now?: () => Timestamp;
}
