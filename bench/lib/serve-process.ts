import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_KEY_PATTERN, spawnNode } from './captured-child.ts';

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running `aptly serve` child process of any role. */
export interface AptlyProcess {
  readonly pid: number;
  /** The DATABASE_URL it runs on: more processes (workers, the admin CLI) can join the same database. */
  readonly databaseUrl: string;
  /** Everything the process printed to stdout so far. */
  stdout(): string;
  /** Peak resident set size of the process so far, in bytes (Linux /proc; undefined elsewhere). */
  peakRssBytes(): number | undefined;
  /** SIGTERM, then the exit code. Removes the data directory the process was given, if any. */
  stop(): Promise<number | null>;
}

/** An API process (role all or api): it answers HTTP and printed the bootstrap key. */
export interface ServeProcess extends AptlyProcess {
  readonly baseUrl: string;
  /** The API key the first start printed (bootstrap). */
  readonly apiKey: string;
}

export interface ServeOptions {
  /** Node arguments before `serve …`: the compiled bin, or tsx and the TypeScript entry. */
  readonly entry: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory; tsx's import hook resolves from here (scoring worker threads included). */
  readonly cwd?: string;
  readonly timeoutMs?: number;
  /** Default `all`. */
  readonly role?: 'all' | 'api';
  /** Default: a fresh SQLite database in a temporary directory, removed by stop(). */
  readonly databaseUrl?: string;
}

export interface WorkerOptions extends Omit<ServeOptions, 'role' | 'databaseUrl'> {
  /** Workers have no database of their own: they join an API process's. */
  readonly databaseUrl: string;
}

/**
 * `aptly serve --role all` (or `api`) as a child process, as a new user starts it: a free port, a fresh
 * SQLite database in a temporary directory unless told otherwise; resolves once /readyz answers and the
 * bootstrap key was printed (so the database must be empty: the key is printed on the first start only).
 */
export async function startServeProcess(options: ServeOptions): Promise<ServeProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let apiKey: string | undefined;
  const child = await spawnAptly(options, options.role ?? 'all', { PORT: String(port) }, async (out) => {
    apiKey ??= API_KEY_PATTERN.exec(out)?.[0];
    return apiKey !== undefined && (await isReady(baseUrl));
  });
  if (apiKey === undefined) throw new Error('unreachable: ready without a key');
  return { ...child, baseUrl, apiKey };
}

/**
 * `aptly serve --role worker` on an existing database. A worker has no HTTP port to probe, so it is
 * ready when it logs "aptly started" (hence info logs, unless the caller sets APTLY_LOG_LEVEL).
 */
export async function startWorkerProcess(options: WorkerOptions): Promise<AptlyProcess> {
  const env = { APTLY_LOG_LEVEL: 'info', ...options.env };
  return spawnAptly({ ...options, env }, 'worker', {}, async (out) => out.includes('"msg":"aptly started"'));
}

async function spawnAptly(
  options: ServeOptions,
  role: 'all' | 'api' | 'worker',
  roleEnv: Readonly<Record<string, string>>,
  isStarted: (stdout: string) => Promise<boolean>,
): Promise<AptlyProcess> {
  // Only a database this helper created is its to delete.
  const dir = options.databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), 'aptly-serve-'));
  const databaseUrl = options.databaseUrl ?? `sqlite:${path.join(dir ?? '.', 'aptly.db')}`;
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const { child, stdout, stderr, exited } = spawnNode([...options.entry, 'serve', '--role', role], {
    cwd: options.cwd ?? dir ?? process.cwd(),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      APTLY_LOG_LEVEL: 'warn',
      ...roleEnv,
      ...options.env,
    },
  });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let started = false;
  while (Date.now() < deadline && child.exitCode === null) {
    started = await isStarted(stdout());
    if (started) break;
    await sleep(100);
  }
  if (!started || child.exitCode !== null || child.pid === undefined) {
    child.kill('SIGKILL');
    removeDir();
    throw new Error(
      `aptly serve --role ${role} did not start (exit ${child.exitCode}):\n${stdout()}\n${stderr()}`,
    );
  }
  const pid = child.pid;
  return {
    pid,
    databaseUrl,
    stdout,
    peakRssBytes: () => peakRssOf(pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      removeDir();
      return code;
    },
  };
}

export async function isReady(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/readyz`)).ok;
  } catch {
    return false;
  }
}

/** VmHWM: the kernel's high-water mark of the process's resident set. */
export function peakRssOf(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
