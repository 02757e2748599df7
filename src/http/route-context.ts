import type { Timestamp } from '../domain/time.ts';
import type { AppDeps } from './deps.ts';
import type { Metrics } from './metrics/metrics.ts';

/** What every route plugin is registered with. */
export interface RouteContext {
  readonly deps: AppDeps;
  readonly metrics: Metrics;
  readonly now: () => Timestamp;
}
