import { spawn } from 'node:child_process';
import { extname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort, peakRssOf } from './serve-process.ts';

export interface BareServer {
  readonly url: string;
  peakRssBytes(): number | undefined;
  stop(): Promise<void>;
}

// The script beside this module, compiled (.js) or run through tsx (.ts).
const SCRIPT = fileURLToPath(
  new URL(`./bare-fastify-server${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/** The constant-JSON Fastify route in a child process, so it gets a core of its own as the service does. */
export async function startBareServer(timeoutMs = 15_000): Promise<BareServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...process.execArgv, SCRIPT], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  while (!out.includes('listening') && child.exitCode === null && Date.now() < deadline) await sleep(50);
  const pid = child.pid;
  if (!out.includes('listening') || pid === undefined) {
    child.kill('SIGKILL');
    throw new Error('the bare Fastify server did not start');
  }
  return {
    url: `http://127.0.0.1:${port}/constant`,
    peakRssBytes: () => peakRssOf(pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
