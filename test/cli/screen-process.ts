import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CandidateResult, FailedCandidate } from '../../src/domain/candidate-result.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `--format json` prints. */
export interface Outcome {
  results: CandidateResult[];
  failed: FailedCandidate[];
}

/** `npx tsx src/cli/main.ts screen …`, without the npx shim: node with the tsx loader, as a child process. */
export async function screen(...args: string[]): Promise<Run> {
  const argv = ['--import', 'tsx', 'src/cli/main.ts', 'screen', ...args];
  const env = { ...process.env, APTLY_API_KEY: '' };
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
