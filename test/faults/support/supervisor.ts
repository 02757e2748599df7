import { setTimeout as sleep } from 'node:timers/promises';
import { type ServeProcess, startServe } from './cluster.ts';

export interface Supervisor {
  /** Processes started again after they died unasked. */
  readonly crashes: number;
  stop(): Promise<void>;
}

/**
 * Starts again, with the same role and port, any process that exits while supervised, as systemd's
 * Restart=always or a container orchestrator would: the data guarantees are what is under test here,
 * and a real deployment never runs without a supervisor.
 */
export function supervise(processes: readonly ServeProcess[], env: Record<string, string>): Supervisor {
  const current = [...processes];
  const died = new Set<ServeProcess>();
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      for (const [i, serve] of current.entries()) {
        if (stopping || serve.process.child.exitCode === null) continue;
        died.add(serve);
        const port = serve.url ? Number(new URL(serve.url).port) : undefined;
        try {
          const replacement = await startServe(serve.role, env, port);
          current[i] = replacement;
        } catch {
          // It could not start yet (the database still coming back): the next round tries again.
        }
      }
      await sleep(200);
    }
  })();
  return {
    get crashes() {
      return died.size;
    },
    async stop() {
      stopping = true;
      await loop;
    },
  };
}
