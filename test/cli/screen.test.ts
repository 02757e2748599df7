import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdictForScore } from '../../src/domain/verdict.ts';
import { type ScreenFixture, writeScreenFixture } from './screen-fixtures.ts';
import { failedOn, type Results, type Run, screen } from './screen-process.ts';

const AS_OF = ['--as-of', '2026-11-01'];
const CONTRACT_FIELDS = ['candidate_ref', 'score', 'verdict', 'match_reasons', 'gaps'];
const ADDITIVE_FIELDS = ['requirements', 'flags'];

let fx: ScreenFixture;
let json: Run;
beforeAll(async () => {
  fx = writeScreenFixture();
  json = await screen(
    ...AS_OF,
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
  it('prints a JSON array of the scored CVs sorted by score; exit 1 when some files were not scored', () => {
    expect(json.code).toBe(1);
    const results = JSON.parse(json.stdout) as Results;
    expect(Array.isArray(results)).toBe(true);
    expect(results.map((r) => r.candidate_ref).sort()).toEqual(['strong', 'unrelated', 'weak']);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(json.stdout).not.toContain('Scoring');
    expect(json.stdout).not.toContain('scanned');
    expect(failedOn(json.stderr)).toEqual(['blank', 'scanned']);
  });

  it('keeps the documented field order and derives the verdict from the score bands', () => {
    for (const r of JSON.parse(json.stdout) as Results) {
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
    const refs = (JSON.parse(json.stdout) as Results).map((r) => r.candidate_ref);
    expect(refs.indexOf('strong')).toBeLessThan(refs.indexOf('unrelated'));
  });

  it('reports the unreadable PDF and the blank CV on stderr, with plain progress lines off a terminal', () => {
    const lines = json.stderr.split('\n');
    expect(lines.find((l) => l.includes('Could not score scanned'))).toMatch(/unreadable PDF/);
    expect(lines.find((l) => l.includes('Could not score blank'))).toMatch(/no text/i);
    expect(json.stderr).toContain('Progress: 3/3 scored');
    expect(json.stderr).not.toContain('\r');
    expect(json.stderr).toMatch(/Done: 3 scored, 2 failed/);
  });
});

describe('aptly screen, other formats and inputs', () => {
  it('prints a table with a header; exit 0 when every CV is scored', async () => {
    const run = await screen(
      ...AS_OF,
      '--job',
      fx.spec,
      '--format',
      'table',
      fx.cvs.strong,
      fx.cvs.unrelated,
    );
    expect(run.code).toBe(0);
    const [header, rule, first] = run.stdout.split('\n');
    expect(header).toMatch(/#\s+Candidate\s+Score\s+Verdict/);
    expect(rule).toMatch(/^-+$/);
    expect(first).toMatch(/^\s+1\s+strong\s+\d+\s+(Strong shortlist|Borderline|Do not progress)/);
    expect(run.stdout).toContain('unrelated');
    expect(run.stdout).not.toContain('Not scored');
  });

  it('prints CSV with a header row, one row per scored CV, then one per failed file with its error', async () => {
    const run = await screen(
      ...AS_OF,
      '--job',
      fx.spec,
      '--format',
      'csv',
      fx.cvs.strong,
      fx.cvs.weak,
      fx.cvs.unrelated,
      fx.scan,
    );
    expect(run.code).toBe(1);
    const rows = parse(run.stdout) as string[][];
    expect(rows[0]).toEqual([
      'rank',
      'candidate_ref',
      'score',
      'verdict',
      'match_reasons',
      'gaps',
      'flags',
      'error',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '']);
    expect(
      rows
        .slice(1, 4)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['strong', 'unrelated', 'weak']);
    expect(rows[4]?.[1]).toBe('scan');
    expect(rows[4]?.[7]).toMatch(/no extractable text \(a scanned image\?\)/);
  });

  it('takes a directory, recursively: text, PDF and Word CVs scored, others skipped with a note', async () => {
    const run = await screen(...AS_OF, '--job', fx.spec, '--format', 'json', fx.cvDir);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Results;
    expect(results.map((r) => r.candidate_ref).sort()).toEqual([
      'priya',
      'priya-docx',
      'strong',
      'two-column',
      'unrelated',
      'weak',
    ]);
    expect(failedOn(run.stderr)).toEqual(['blank', 'scan', 'scanned']);
    expect(run.stderr).toMatch(/Skipped .*notes\.odt: not a \.txt, \.md, \.pdf or \.docx file/);
    expect(run.stderr).toMatch(/Could not score scan: .*scan\.pdf: the PDF has no extractable text/);
    expect(run.stderr).toMatch(/Done: 6 scored, 3 failed/);
    // The same CV as PDF and as Word reads the same and scores the same, as a strong backend candidate.
    const byRef = new Map(results.map((r) => [r.candidate_ref, r]));
    expect(byRef.get('priya')?.score).toBe(byRef.get('priya-docx')?.score);
    expect(byRef.get('priya')?.verdict).toBe('Strong shortlist');
    // The two-column CV's roles keep their dates: its experience counts.
    expect(byRef.get('two-column')?.score).toBeGreaterThanOrEqual(50);
  });

  it('fails with a clear message and exit 2 when the job spec does not exist', async () => {
    const missing = join(fx.root, 'no-such-spec.txt');
    const run = await screen('--job', missing, fx.cvs.strong);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/not found|no such file/i);
    // A message for a person, not a stack trace.
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a directory with no CV files, and on --server without a key', async () => {
    const empty = join(fx.root, 'empty');
    mkdirSync(empty, { recursive: true });
    const none = await screen('--job', fx.spec, empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no CV files found/);
    const keyless = await screen('--job', fx.spec, '--server', 'http://127.0.0.1:9', fx.cvs.strong);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toMatch(/--server needs --api-key/);
  });

  it('exits 3 when the server cannot be reached', async () => {
    const run = await screen(
      '--job',
      fx.spec,
      '--server',
      'http://127.0.0.1:9',
      '--api-key',
      'aptly_x',
      fx.cvs.strong,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/error: cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(run.stdout).toBe('');
  });
});
