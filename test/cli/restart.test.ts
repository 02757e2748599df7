import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCvs } from '../../bench/fixtures/index.ts';
import { type Aptly, aptly, freePort, KEY, ready, until } from './serve-process.ts';

/**
 * Restart safety at the process level: a job is submitted, the process is stopped mid-job (killed
 * outright, or asked to stop), started again on the same database, and the job completes with every
 * candidate scored exactly once.
 */
const CANDIDATES = 120;
const LEASE = '2s';

interface JobView {
  status: string;
  total_candidates: number;
  processed_candidates: number;
  results?: { candidate_ref: string; score: number }[];
  failed?: unknown[];
}

const directories: string[] = [];
afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

async function getJob(baseUrl: string, apiKey: string, jobId: string): Promise<JobView> {
  const response = await fetch(`${baseUrl}/api/v1/jobs/${jobId}`, { headers: { 'X-API-Key': apiKey } });
  return (await response.json()) as JobView;
}

async function submit(baseUrl: string, apiKey: string): Promise<string> {
  const cvs = generateCvs({ count: CANDIDATES, targetChars: 10_000, seed: 7, profession: 'software' });
  const response = await fetch(`${baseUrl}/api/v1/screen`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      job_spec: 'Senior backend engineer: 5+ years of Python, PostgreSQL and AWS; Docker is a plus.',
      candidates: cvs.map((cv, i) => ({ candidate_ref: `cand-${i}`, cv_text: cv })),
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { job_id: string }).job_id;
}

/** Starts `aptly serve` and stops it once the job is part-way through; returns what it needs to go on. */
async function startAndInterrupt(
  signal: NodeJS.Signals,
): Promise<{ database: string; port: number; apiKey: string; jobId: string; first: Aptly }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aptly-restart-test-'));
  directories.push(dir);
  const database = `sqlite:${path.join(dir, 'aptly.db')}`;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { PORT: String(port), DATABASE_URL: database, APTLY_LEASE: LEASE };
  const first = aptly(['serve'], env);
  const apiKey = await until('the bootstrap key', () => KEY.exec(first.stdout())?.[0], first);
  await until('readiness', () => ready(baseUrl), first);
  const jobId = await submit(baseUrl, apiKey);
  const midway = await until(
    'the first scored batch',
    async () => {
      const job = await getJob(baseUrl, apiKey, jobId);
      return job.processed_candidates > 0 ? job : undefined;
    },
    first,
  );
  first.child.kill(signal);
  expect(midway.status).toBe('processing');
  expect(midway.processed_candidates).toBeLessThan(CANDIDATES);
  return { database, port, apiKey, jobId, first };
}

async function restartAndFinish(database: string, port: number, apiKey: string, jobId: string) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const again = aptly(['serve'], { PORT: String(port), DATABASE_URL: database, APTLY_LEASE: LEASE });
  try {
    await until('readiness after restart', () => ready(baseUrl), again);
    const deadline = Date.now() + 60_000;
    let job = await getJob(baseUrl, apiKey, jobId);
    while (job.status !== 'complete' && Date.now() < deadline) {
      await sleep(100);
      job = await getJob(baseUrl, apiKey, jobId);
    }
    return job;
  } finally {
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }
}

function expectEveryCandidateScoredOnce(job: JobView, database: string, jobId: string): void {
  expect(job).toMatchObject({
    status: 'complete',
    total_candidates: CANDIDATES,
    processed_candidates: CANDIDATES,
    failed: [],
  });
  const refs = job.results?.map((r) => r.candidate_ref) ?? [];
  expect(refs).toHaveLength(CANDIDATES);
  expect(new Set(refs).size).toBe(CANDIDATES);
  const db = new Database(database.slice('sqlite:'.length), { readonly: true });
  try {
    const rows = db
      .prepare('select status, count(*) as n from candidates where job_id = ? group by status')
      .all(jobId);
    expect(rows).toEqual([{ status: 'scored', n: CANDIDATES }]);
    const usage = db.prepare('select sum(cv_count) as used from org_usage').get() as { used: number };
    expect(usage.used).toBe(CANDIDATES);
  } finally {
    db.close();
  }
}

describe('restart safety of aptly serve', () => {
  it('killed mid-job (SIGKILL): after a restart the expired leases return and the job completes', async () => {
    const { database, port, apiKey, jobId, first } = await startAndInterrupt('SIGKILL');
    expect(await first.exited).toBeNull();
    const job = await restartAndFinish(database, port, apiKey, jobId);
    expectEveryCandidateScoredOnce(job, database, jobId);
  }, 120_000);

  it('stopped mid-job (SIGTERM): it exits 0 and a restart completes the job', async () => {
    const { database, port, apiKey, jobId, first } = await startAndInterrupt('SIGTERM');
    expect(await first.exited).toBe(0);
    const job = await restartAndFinish(database, port, apiKey, jobId);
    expectEveryCandidateScoredOnce(job, database, jobId);
  }, 120_000);
});
