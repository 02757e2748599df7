import { fileURLToPath } from 'node:url';
import { type ServeProcess, startServeProcess } from '../../bench/lib/serve-process.ts';

export type LiveServer = ServeProcess;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** `aptly serve --role all` from the TypeScript sources (through tsx), on a free port and a fresh database. */
export function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  return startServeProcess({
    entry: ['--import', 'tsx', ENTRY],
    cwd: ROOT,
    env: { APTLY_SCORING_THREADS: '1', ...env },
  });
}
