import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { API_KEY_PATTERN, type CapturedChild, spawnNode } from '../../bench/lib/captured-child.ts';
import { freePort, isReady } from '../../bench/lib/serve-process.ts';

/** Helpers for tests that run `aptly …` as a child process, as an operator would. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KEY = API_KEY_PATTERN;
export { freePort };

export type Aptly = CapturedChild;

/** `aptly …` from the sources, as a child process. Run from the repository so tsx resolves in workers too. */
export function aptly(args: string[], env: Record<string, string>): Aptly {
  return spawnNode(['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', APTLY_SCORING_THREADS: '1', APTLY_LOG_LEVEL: 'info', ...env },
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
  return (await isReady(baseUrl)) ? true : undefined;
}
