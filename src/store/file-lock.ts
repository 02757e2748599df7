import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock left by a process that died is taken over after this long. */
const STALE_MS = 120_000;

/**
 * Runs `work` while holding an exclusive lock file (created with O_EXCL). Used where the database cannot
 * lock for us: Kysely's migrator takes no lock on SQLite, and two processes may open one file.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath)) rmSync(lockPath, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lockPath}`);
      else await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

function isStale(lockPath: string): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
