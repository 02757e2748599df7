import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

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

export interface ServeProcess {
  readonly baseUrl: string;
  readonly pid: number;
  /** The API key the first start printed (bootstrap). */
  readonly apiKey: string;
  /** Everything the process printed to stdout so far. */
  stdout(): string;
  /** Peak resident set size of the process so far, in bytes (Linux /proc; undefined elsewhere). */
  peakRssBytes(): number | undefined;
  /** SIGTERM, then the exit code. Removes the process's data directory. */
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  /** Node arguments before `serve …`: the compiled bin, or tsx and the TypeScript entry. */
  readonly entry: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory; tsx's import hook resolves from here (scoring worker threads included). */
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/**
 * `aptly serve --role all` as a child process, as a new user starts it: a free port, a fresh SQLite
 * database in a temporary directory; resolves once /readyz answers and the bootstrap key was printed.
 */
export async function startServeProcess(options: ServeOptions): Promise<ServeProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aptly-serve-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...options.entry, 'serve', '--role', 'all'], {
    cwd: options.cwd ?? dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path.join(dir, 'aptly.db')}`,
      APTLY_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let apiKey: string | undefined;
  while (Date.now() < deadline && child.exitCode === null) {
    apiKey ??= /aptly_[A-Za-z0-9_-]{54}/.exec(out)?.[0];
    if (apiKey && (await isReady(baseUrl))) break;
    await sleep(100);
  }
  if (!apiKey || child.exitCode !== null || child.pid === undefined) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`aptly serve did not start (exit ${child.exitCode}):\n${out}\n${err}`);
  }
  const pid = child.pid;
  const key = apiKey;
  return {
    baseUrl,
    pid,
    apiKey: key,
    stdout: () => out,
    peakRssBytes: () => peakRssOf(pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/readyz`)).ok;
  } catch {
    return false;
  }
}

/** VmHWM: the kernel's high-water mark of the process's resident set. */
function peakRssOf(pid: number): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
