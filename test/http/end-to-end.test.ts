import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verdictForScore } from '../../src/domain/verdict.ts';
import { createMetrics } from '../../src/http/metrics/metrics.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { startWorker, type Worker } from '../../src/queue/index.ts';
import { createScoringPool, type ScoringPool } from '../../src/scoring/pool.ts';
import { countingEngine } from '../../src/service/counting-engine.ts';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, seedTenant, TEST_CONFIG, type Tenant } from './support/test-app.ts';

const JOB_SPEC = `Senior Python Developer with 5+ years of experience building production APIs.
Must have: FastAPI or Django REST, PostgreSQL, experience with async Python.
Nice to have: AWS, Docker, Redis.`;

const STRONG = `Jane Smith. Senior Software Engineer.
Experience: 2017 - present, Backend Engineer at Acme: 7 years Python, FastAPI and Django REST Framework,
PostgreSQL, asyncio. Deployed on AWS with Docker; Redis caching.`;
const WEAK = 'Mark Chen. Junior Frontend Developer. 1 year React and CSS. Some Node.js.';

/** A long, realistic-enough CV: about 10,000 characters. */
function longCv(i: number): string {
  const paragraph = `Role ${i}: Backend developer building REST APIs in Python with Django and PostgreSQL, async workers, Docker deployments, code reviews and mentoring. `;
  return `Candidate ${i}. Software Engineer.\n${paragraph.repeat(Math.ceil(10_000 / paragraph.length))}`.slice(
    0,
    10_000,
  );
}

let pool: ScoringPool;
beforeAll(() => {
  pool = createScoringPool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
});

describeEachDialect('end to end over HTTP: submit, worker scores, poll', (database) => {
  let app: FastifyInstance;
  let server: HttpServer;
  let worker: Worker;
  let tenant: Tenant;
  const metrics = createMetrics();

  beforeAll(async () => {
    app = await buildTestApp(database().store, { metrics });
    server = await listen(app, { host: '127.0.0.1', port: 0 });
    worker = startWorker({
      store: database().store,
      engine: countingEngine(pool, metrics),
      config: TEST_CONFIG,
      logger: pino({ level: 'silent' }),
    });
    tenant = await seedTenant(database().store.db);
  });
  afterAll(async () => {
    await worker.stop();
    await server.close();
  });

  const submit = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/v1/screen`, {
      method: 'POST',
      headers: { 'X-API-Key': tenant.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { job_id: string; total_candidates: number };
  };
  const poll = async (jobId: string) =>
    (await (
      await fetch(`${server.url}/api/v1/jobs/${jobId}`, { headers: { 'X-API-Key': tenant.apiKey } })
    ).json()) as {
      status: string;
      processed_candidates: number;
      total_candidates: number;
      completed_at: string | null;
      results?: { candidate_ref: string; score: number; verdict: string }[];
      failed?: { candidate_ref: string; error: string }[];
    };
  const until = async (jobId: string, done: (job: Awaited<ReturnType<typeof poll>>) => boolean) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = await poll(jobId);
      if (done(job) || Date.now() > deadline) return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('completes with results sorted by score, verdicts from scores, blank CVs in failed', async () => {
    const { job_id } = await submit({
      job_spec: JOB_SPEC,
      candidates: [
        { candidate_ref: 'weak', cv_text: WEAK },
        { candidate_ref: 'blank', cv_text: '   ' },
        { candidate_ref: 'strong', cv_text: STRONG },
        { candidate_ref: 'long', cv_text: longCv(1) },
      ],
    });
    const job = await until(job_id, (j) => j.status === 'complete');
    expect(job.status).toBe('complete');
    expect(job.processed_candidates).toBe(4);
    expect(job.completed_at).toMatch(/Z$/);
    const results = job.results ?? [];
    expect(results.map((r) => r.candidate_ref).sort()).toEqual(['long', 'strong', 'weak']);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const result of results) expect(result.verdict).toBe(verdictForScore(result.score));
    expect(results[0]?.candidate_ref).toBe('strong');
    expect(job.failed).toEqual([{ candidate_ref: 'blank', error: expect.stringMatching(/empty/) }]);
    const scraped = await (await fetch(`${server.url}/metrics`)).text();
    expect(scraped).toMatch(/^aptly_candidates_scored_total\{outcome="scored"\} [1-9]/m);
  });

  it('a running 200-CV job never stalls HTTP: /healthz answers promptly throughout', async () => {
    const { job_id } = await submit({
      job_spec: JOB_SPEC,
      candidates: Array.from({ length: 200 }, (_, i) => ({ candidate_ref: `c${i}`, cv_text: longCv(i) })),
    });
    const latencies: number[] = [];
    let job = await poll(job_id);
    let sawProgress = false;
    const deadline = Date.now() + 60_000;
    while (job.status !== 'complete' && Date.now() < deadline) {
      const started = performance.now();
      const health = await fetch(`${server.url}/healthz`);
      latencies.push(performance.now() - started);
      expect(health.status).toBe(200);
      job = await poll(job_id);
      if (job.processed_candidates > 0 && job.processed_candidates < 200) sawProgress = true;
    }
    expect(job.status).toBe('complete');
    expect(job.results).toHaveLength(200);
    expect(sawProgress).toBe(true);
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const worst = latencies.at(-1) ?? 0;
    expect(latencies.length).toBeGreaterThan(5);
    expect(median).toBeLessThan(20);
    expect(worst).toBeLessThan(250);
  }, 90_000);
});
