import { type Aptly, aptly, freePort, ready, until } from '../../cli/serve-process.ts';
import { FAULTS_APP_NAME } from './postgres-schema.ts';

export type ServeRole = 'api' | 'worker';

export interface ServeProcess {
  readonly role: ServeRole;
  readonly process: Aptly;
  /** The API's base URL (api role only). */
  readonly url?: string;
  readonly pid: number;
}

/** Settings every process of a fault test shares: one database, short leases and polls, no bootstrap. */
export function clusterEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    APTLY_BOOTSTRAP: '0',
    APTLY_SCORING_THREADS: '1',
    APTLY_LEASE: '3s',
    APTLY_POLL_INTERVAL: '100ms',
    APTLY_HOUSEKEEPING_INTERVAL: '1s',
    APTLY_WEBHOOK_ALLOW_PRIVATE: '1',
    // Tests poll every job about once a second from one key: far above the default per-key limit.
    APTLY_RATE_LIMIT_PER_MINUTE: '1000000',
    // The box is busy (several processes, tests, benchmarks): a slow moment must not turn into a 503.
    APTLY_DB_TIMEOUT: '30s',
    APTLY_LOG_LEVEL: 'warn',
    PGAPPNAME: FAULTS_APP_NAME,
    ...extra,
  };
}

/** Every process this test file started, so none outlives it whatever failed (see stopAll). */
const started: ServeProcess[] = [];

/** `aptly serve --role <role>`, resolved once it serves (api) or has started its worker (worker). */
export async function startServe(
  role: ServeRole,
  env: Record<string, string>,
  port?: number,
): Promise<ServeProcess> {
  if (role === 'worker') {
    // Info level for this one line: the worker says when it has started claiming.
    const worker = aptly(['serve', '--role', 'worker'], { ...env, APTLY_LOG_LEVEL: 'info' });
    started.push({ role, process: worker, pid: pidOf(worker) });
    await killUnlessStarted(worker, () =>
      until(
        'the worker to start',
        () => (worker.stdout().includes('aptly started') ? true : undefined),
        worker,
      ),
    );
    return { role, process: worker, pid: pidOf(worker) };
  }
  const listenOn = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenOn}`;
  const api = aptly(['serve', '--role', 'api'], { ...env, PORT: String(listenOn) });
  started.push({ role, process: api, url, pid: pidOf(api) });
  await killUnlessStarted(api, () => until('API readiness', () => ready(url), api));
  return { role, process: api, url, pid: pidOf(api) };
}

/** Stops every process started that still runs (SIGTERM, then SIGKILL after 15 s); waits for the exits. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async ({ process }) => {
      if (process.child.exitCode !== null || process.child.signalCode !== null) return;
      process.child.kill('SIGTERM');
      const killer = setTimeout(() => process.child.kill('SIGKILL'), 15_000);
      await process.exited;
      clearTimeout(killer);
    }),
  );
}

/** A process that never got ready is not left behind. */
async function killUnlessStarted(process: Aptly, started: () => Promise<unknown>): Promise<void> {
  try {
    await started();
  } catch (error) {
    process.child.kill('SIGKILL');
    throw error;
  }
}

function pidOf(process: Aptly): number {
  if (process.child.pid === undefined) throw new Error('aptly did not start');
  return process.child.pid;
}
