import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `probe` until it returns a value; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

const started = performance.now();

/** Progress notes on stderr with APTLY_FAULTS_VERBOSE=1: where a slow or stuck run spends its time. */
export function progress(note: string): void {
  if (process.env.APTLY_FAULTS_VERBOSE !== '1') return;
  process.stderr.write(`[faults +${((performance.now() - started) / 1000).toFixed(1)}s] ${note}\n`);
}
