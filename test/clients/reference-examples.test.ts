import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLiveServer } from '../support/live-server.ts';

/**
 * The reference's own client examples, unchanged but for API_BASE and API_KEY, against a live server:
 * integrations written from the reference must work against ours as they are.
 */
const run = promisify(execFile);
const EXAMPLES = new URL('./examples/', import.meta.url);

const live = useLiveServer();
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aptly-clients-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The example with only its two configuration lines replaced. */
function configured(file: string, quote: string): string {
  const source = readFileSync(new URL(file, EXAMPLES), 'utf8');
  const replaced = source
    .replace(
      `API_BASE = ${quote}https://api.aptly.pro${quote}`,
      `API_BASE = ${quote}${live().baseUrl}${quote}`,
    )
    .replace(`API_KEY = ${quote}aptly_your_key_here${quote}`, `API_KEY = ${quote}${live().apiKey}${quote}`);
  expect(replaced.split('\n').filter((line, i) => line !== source.split('\n')[i])).toHaveLength(2);
  const target = path.join(dir, file);
  writeFileSync(target, replaced);
  return target;
}

/** "cand-001: 84% — Strong shortlist" lines, in the order printed. */
function scoredLines(stdout: string): { ref: string; score: number; verdict: string }[] {
  return [...stdout.matchAll(/^(cand-\d+): (\d+)% — (Strong shortlist|Borderline|Do not progress)$/gm)].map(
    (m) => ({ ref: m[1] ?? '', score: Number(m[2]), verdict: m[3] ?? '' }),
  );
}

function expectRankedResults(stdout: string): void {
  expect(stdout).toMatch(/^Job submitted: [0-9a-f-]{36}$/m);
  const lines = scoredLines(stdout);
  expect(lines.map((l) => l.ref).sort()).toEqual(['cand-001', 'cand-002']);
  expect(lines[0]?.score).toBeGreaterThanOrEqual(lines[1]?.score ?? 101);
  // The Python developer outranks the Node.js developer with "some Python exposure".
  expect(lines[0]?.ref).toBe('cand-001');
}

describe("the reference's client examples", () => {
  it('the Python example (requests) prints the scored candidates', async () => {
    const { stdout } = await run('python3', [configured('reference_example.py', '"')], { timeout: 60_000 });
    expectRankedResults(stdout);
  }, 70_000);

  it('the Node.js example (fetch) prints the scored candidates', async () => {
    const { stdout } = await run(process.execPath, [configured('reference-example.mjs', '"')], {
      timeout: 60_000,
    });
    expectRankedResults(stdout);
  }, 70_000);

  it('the cURL examples work as written', async () => {
    const payload = path.join(dir, 'payload.json');
    writeFileSync(
      payload,
      JSON.stringify({
        job_spec: 'Senior Python Developer with 5+ years FastAPI experience...',
        candidates: [
          {
            candidate_ref: 'internal-id-001',
            cv_text: '7 years Python experience, built APIs with FastAPI...',
          },
        ],
      }),
    );
    const submit = await run('curl', [
      '-sS',
      '-X',
      'POST',
      `${live().baseUrl}/api/v1/screen`,
      '-H',
      `X-API-Key: ${live().apiKey}`,
      '-H',
      'Content-Type: application/json',
      '-d',
      `@${payload}`,
    ]);
    const submitted = JSON.parse(submit.stdout) as {
      job_id: string;
      status: string;
      total_candidates: number;
    };
    expect(submitted).toMatchObject({ status: 'pending', total_candidates: 1 });
    let job: { status: string; results?: { candidate_ref: string }[] } = { status: 'pending' };
    for (let i = 0; i < 100 && job.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const poll = await run('curl', [
        '-sS',
        `${live().baseUrl}/api/v1/jobs/${submitted.job_id}`,
        '-H',
        `X-API-Key: ${live().apiKey}`,
      ]);
      job = JSON.parse(poll.stdout) as typeof job;
    }
    expect(job.status).toBe('complete');
    expect(job.results?.[0]?.candidate_ref).toBe('internal-id-001');
  }, 30_000);
});
