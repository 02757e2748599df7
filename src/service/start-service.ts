import type { Logger } from 'pino';
import { bootstrapIfEmpty, resolveJwtSecret } from '../accounts/index.ts';
import type { Config, Role } from '../config/config.ts';
import { now } from '../domain/time.ts';
import { buildApp } from '../http/app.ts';
import { createMetrics, type Metrics } from '../http/metrics/metrics.ts';
import { startMetricsServer } from '../http/metrics-server.ts';
import { listen } from '../http/server.ts';
import { startScheduler, startWorker } from '../queue/index.ts';
import { createScoringPool } from '../scoring/pool.ts';
import { openStore, type Store } from '../store/database.ts';
import { startWebhookSender } from '../webhooks/sender.ts';
import { bootstrapBanner, reachableUrl } from './bootstrap-banner.ts';
import { countingEngine } from './counting-engine.ts';
import { migrateAtStart } from './migrate-at-start.ts';
import { createServiceEngine, engineInfoFor } from './scoring-engine.ts';
import { ShutdownStack } from './shutdown-stack.ts';

export interface ServiceOptions {
  readonly config: Config;
  /** all: API, worker, scheduler and webhook sender; api: HTTP only; worker: everything but HTTP. */
  readonly role: Role;
  readonly logger: Logger;
  /** Where the first-start credentials go, once (stdout); never the logger. */
  readonly print: (text: string) => void;
}

export interface RunningService {
  /** Where the API listens (absent for the worker role). */
  readonly url?: string;
  /** Graceful: stop taking requests, finish or release work in flight, close the pool and database. */
  stop(): Promise<void>;
}

/** The composition root: everything a role runs, started in order and stopped in reverse. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, role, logger } = options;
  // Checked before anything starts: an incomplete LLM configuration stops every role with its message.
  const engineInfo = engineInfoFor(config);
  const stack = new ShutdownStack();
  try {
    const store = openStore(config.databaseUrl, {
      maxConnections: config.dbPoolSize,
      timeoutMs: config.dbTimeoutMs,
    });
    stack.push('database', () => store.close());
    const applied = await migrateAtStart(store, config.databaseUrl);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrations applied');
    const metrics = createMetrics({ processMetrics: true, store });
    const created =
      role !== 'worker' && config.bootstrap ? await bootstrapIfEmpty(store.db, now()) : undefined;
    // Printed at once: were the server then to fail to start, the credentials would still be known. Only
    // PORT=0 (a port the OS picks) waits for the listening address, which the banner's example needs.
    if (created && config.port !== 0) options.print(bootstrapBanner(created, configuredUrl(config)));
    if (role !== 'api') await startWorkers(store, options, metrics, stack);
    if (role === 'worker' && config.metricsPort !== undefined) {
      const server = await startMetricsServer({ metrics, host: config.host, port: config.metricsPort });
      stack.push('metrics server', () => server.close());
      logger.info({ metrics_url: `${server.url}/metrics` }, 'worker metrics listening');
    }
    const url = role === 'worker' ? undefined : await startApi(store, options, metrics, stack, engineInfo);
    if (created && config.port === 0 && url) options.print(bootstrapBanner(created, reachableUrl(url)));
    logger.info({ role, ...(url ? { url } : {}) }, 'aptly started');
    return { ...(url ? { url } : {}), stop: () => stack.unwind() };
  } catch (error) {
    await stack
      .unwind()
      .catch((cleanup: unknown) => logger.error({ err: cleanup }, 'cleanup after a failed start'));
    throw error;
  }
}

async function startWorkers(
  store: Store,
  { config, logger }: ServiceOptions,
  metrics: Metrics,
  stack: ShutdownStack,
): Promise<void> {
  const scoring = await createServiceEngine(config, store, metrics, () =>
    createScoringPool({ threads: config.scoringThreads, niceIncrement: config.scoringNice }),
  );
  stack.push('scoring engine', () => scoring.close());
  const worker = startWorker({ store, engine: countingEngine(scoring.engine, metrics), config, logger });
  stack.push('worker', () => worker.stop());
  const scheduler = startScheduler({ store, config, logger });
  stack.push('scheduler', () => scheduler.stop());
  const sender = startWebhookSender({
    store,
    config,
    logger,
    onAttempt: (outcome) => metrics.webhookAttempts.inc({ outcome }),
  });
  stack.push('webhook sender', () => sender.stop());
}

async function startApi(
  store: Store,
  { config, logger }: ServiceOptions,
  metrics: Metrics,
  stack: ShutdownStack,
  engineInfo: { readonly name: string; readonly version: string },
): Promise<string> {
  const jwtSecret = await resolveJwtSecret(store.db, config);
  const app = await buildApp({ store, config, jwtSecret, engineInfo, logger, metrics });
  try {
    const server = await listen(app, { host: config.host, port: config.port });
    stack.push('http server', () => server.close());
    return server.url;
  } catch (error) {
    await app.close();
    throw error;
  }
}

function configuredUrl(config: Pick<Config, 'host' | 'port'>): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return reachableUrl(`http://${host}:${config.port}`);
}
