/**
 * A process-local hint that new work was queued (a submission just committed), so idle workers in the same
 * process start at once instead of at their next poll. Only a hint: correctness never depends on it. On
 * PostgreSQL the hint comes from other processes too, through LISTEN/NOTIFY (work-notifications.ts).
 */
const listeners = new Set<() => void>();

export function signalWork(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Waits `ms`, or less: until `stop` aborts, or (with `wakeOnWork`) until work is signalled.
 */
export function pause(ms: number, stop: AbortSignal, wakeOnWork: boolean): Promise<void> {
  if (stop.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listeners.delete(done);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
    if (wakeOnWork) listeners.add(done);
  });
}
