import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateResult } from '../../src/domain/candidate-result.ts';
import { verdictForScore } from '../../src/domain/verdict.ts';
import { type ScreenFixture, writeScreenFixture } from './screen-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx tsx src/cli/main.ts screen …`, without the npx shim: node with the tsx loader, as a child process. */
async function screen(...args: string[]): Promise<Run> {
  const argv = ['--import', 'tsx', 'src/cli/main.ts', 'screen', '--as-of', '2026-11-01', ...args];
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const CONTRACT_FIELDS = ['candidate_ref', 'score', 'verdict', 'match_reasons', 'gaps'];
const ADDITIVE_FIELDS = ['requirements', 'flags'];

let fx: ScreenFixture;
let json: Run;
beforeAll(async () => {
  fx = writeScreenFixture();
  json = await screen(
    '--job',
    fx.spec,
    '--format',
    'json',
    fx.cvs.strong,
    fx.cvs.weak,
    fx.cvs.unrelated,
    fx.pdf,
    fx.blank,
  );
});
afterAll(() => {
  rmSync(fx.root, { recursive: true, force: true });
});

describe('aptly screen --format json', () => {
  it('prints only a JSON array of the scorable CVs, sorted by score', () => {
    expect(json.code).toBe(0);
    const results = JSON.parse(json.stdout) as CandidateResult[];
    expect(results.map((r) => r.candidate_ref).sort()).toEqual(['strong', 'unrelated', 'weak']);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(json.stdout).not.toContain('Scoring');
  });

  it('keeps the documented field order and derives the verdict from the score bands', () => {
    for (const r of JSON.parse(json.stdout) as CandidateResult[]) {
      const keys = Object.keys(r);
      expect(keys.slice(0, 5)).toEqual(CONTRACT_FIELDS);
      expect(keys.slice(5)).toEqual(ADDITIVE_FIELDS.filter((f) => keys.includes(f)));
      expect(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100).toBe(true);
      const band = r.score >= 75 ? 'Strong shortlist' : r.score >= 50 ? 'Borderline' : 'Do not progress';
      expect(r.verdict).toBe(band);
      expect(r.verdict).toBe(verdictForScore(r.score));
    }
  });

  it('ranks the strong CV above the unrelated one', () => {
    const refs = (JSON.parse(json.stdout) as CandidateResult[]).map((r) => r.candidate_ref);
    expect(refs.indexOf('strong')).toBeLessThan(refs.indexOf('unrelated'));
  });

  it('reports the PDF and the blank CV on stderr, with progress', () => {
    const lines = json.stderr.split('\n');
    expect(lines.find((l) => l.includes('scanned'))).toMatch(/unsupported file type "\.pdf"/);
    expect(lines.find((l) => l.includes('blank'))).toMatch(/empty/i);
    expect(json.stderr).toMatch(/Done: 3 scored, 2 failed/);
  });
});

describe('aptly screen, other formats and inputs', () => {
  it('prints a table with a header', async () => {
    const run = await screen('--job', fx.spec, '--format', 'table', fx.cvs.strong, fx.cvs.unrelated);
    expect(run.code).toBe(0);
    const [header, rule, first] = run.stdout.split('\n');
    expect(header).toMatch(/#\s+Candidate\s+Score\s+Verdict/);
    expect(rule).toMatch(/^-+$/);
    expect(first).toMatch(/^\s+1\s+strong\s+\d+\s+(Strong shortlist|Borderline|Do not progress)/);
    expect(run.stdout).toContain('unrelated');
  });

  it('prints CSV with a header row, one row per scored CV', async () => {
    const run = await screen(
      '--job',
      fx.spec,
      '--format',
      'csv',
      fx.cvs.strong,
      fx.cvs.weak,
      fx.cvs.unrelated,
    );
    expect(run.code).toBe(0);
    const rows = parse(run.stdout) as string[][];
    expect(rows[0]).toEqual(['rank', 'candidate_ref', 'score', 'verdict', 'match_reasons', 'gaps', 'flags']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['strong', 'unrelated', 'weak']);
  });

  it('takes a directory and scores the CV files in it', async () => {
    const run = await screen('--job', fx.spec, '--format', 'json', fx.cvDir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(json.stdout));
    expect(run.stderr).toMatch(/Done: 3 scored, 2 failed/);
  });

  it('fails with a clear message when the job spec does not exist', async () => {
    const missing = join(fx.root, 'no-such-spec.txt');
    const run = await screen('--job', missing, fx.cvs.strong);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/not found|no such file/i);
    // A message for a person, not a stack trace.
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
