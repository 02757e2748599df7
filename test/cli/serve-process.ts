import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Helpers for tests that run `aptly …` as a child process, as an operator would. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KEY = /aptly_[A-Za-z0-9_-]{54}/;

export interface Aptly {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<number | null>;
}

/** `aptly …` from the sources, as a child process. Run from the repository so tsx resolves in workers too. */
export function aptly(args: string[], env: Record<string, string>): Aptly {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', APTLY_SCORING_THREADS: '1', APTLY_LOG_LEVEL: 'info', ...env },
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
  return { child, stdout: () => out, stderr: () => err, exited };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  process: Aptly,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null)
      throw new Error(`exited while waiting for ${what}:\n${process.stderr()}`);
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}:\n${process.stdout()}\n${process.stderr()}`);
}

export async function ready(baseUrl: string): Promise<true | undefined> {
  try {
    return (await fetch(`${baseUrl}/readyz`)).ok ? true : undefined;
  } catch {
    return undefined;
  }
}
