/**
 * At most `limit` holders at once; the others wait in arrival order. Releasing twice is harmless, so a
 * caller may release on every way a request can end.
 */
export interface AdmissionGate {
  /** Resolves when admitted, with the function that gives the place back. */
  enter(): Promise<() => void>;
  readonly active: number;
  readonly waiting: number;
}

export function createAdmissionGate(limit: number): AdmissionGate {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`admission limit must be ≥ 1, got ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const admit = (): (() => void) => {
    active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      const next = queue.shift();
      if (next) next();
    };
  };
  return {
    enter() {
      if (active < limit) return Promise.resolve(admit());
      return new Promise((resolve) => queue.push(() => resolve(admit())));
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
