import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CandidateResult } from '../../src/domain/candidate-result.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `--format json` prints: the scored CVs, ranked, as a completed job's `results`. */
export type Results = CandidateResult[];

/** The files a run could not score, from its "Could not score REF: why" lines on stderr. */
export function failedOn(stderr: string): string[] {
  return [...stderr.matchAll(/^Could not score (.+?): /gm)].map((m) => m[1] ?? '').sort();
}

/** `npx tsx src/cli/main.ts screen …`, with no API key from the environment. */
export function screen(...args: string[]): Promise<Run> {
  return runAptly(['screen', ...args], { APTLY_API_KEY: '' });
}

/**
 * `npx tsx src/cli/main.ts …` without the npx shim: node with the tsx loader, as a child process, with
 * `extraEnv` over this process's environment. Its exit code and output, whether it succeeded or not.
 */
export async function runAptly(args: string[], extraEnv: Record<string, string>): Promise<Run> {
  const argv = ['--import', 'tsx', 'src/cli/main.ts', ...args];
  const env = { ...process.env, ...extraEnv };
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
