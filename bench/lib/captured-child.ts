import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** The API key `aptly serve` prints on a first start (`aptly_` + 54 URL-safe characters). */
export const API_KEY_PATTERN = /aptly_[A-Za-z0-9_-]{54}/;

/** A child Node.js process whose stdout and stderr are kept as text. */
export interface CapturedChild {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** `node <args>` with its output captured; stdin is closed. */
export function spawnNode(args: readonly string[], options: Omit<SpawnOptions, 'stdio'>): CapturedChild {
  const child = spawn(process.execPath, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}
