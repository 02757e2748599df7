import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
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

/**
 * One live server for the calling test file: started before its tests, and stopped after them, where it
 * must exit 0. Returns the server for use inside tests (throwing if it did not start).
 */
export function useLiveServer(env: Record<string, string> = {}): () => LiveServer {
  let server: LiveServer | undefined;
  beforeAll(async () => {
    server = await startLiveServer(env);
  }, 90_000);
  afterAll(async () => {
    if (server) expect(await server.stop()).toBe(0);
  });
  return () => {
    if (!server) throw new Error('the live server did not start');
    return server;
  };
}
