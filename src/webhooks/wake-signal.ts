/**
 * A pause that can be cut short: the sender sleeps until its next delivery falls due or the poll interval
 * passes, and `wake()` (new work, a finished attempt, stop) ends the pause at once. A wake while not
 * sleeping is kept, so it is never lost between two pauses.
 */
export interface WakeSignal {
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createWakeSignal(): WakeSignal {
  let woken = false;
  let endPause: (() => void) | undefined;
  return {
    sleep(ms) {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(end, ms);
        function end() {
          clearTimeout(timer);
          endPause = undefined;
          resolve();
        }
        endPause = end;
      });
    },
    wake() {
      if (endPause) endPause();
      else woken = true;
    },
  };
}
