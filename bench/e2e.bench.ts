/**
 * End-to-end benchmark: `npm run bench:e2e -- [--count N] [--chars N] [--seed N] [--repeats N]`.
 *
 * Starts the compiled service as a new user would (`aptly serve --role all` on a fresh embedded SQLite
 * database, default scoring threads), submits one job of generated CVs over HTTP and polls until it is
 * complete; repeats. Prints submit latency, time to complete and the server's peak RSS, next to the
 * baseline measured in the same run: the scoring engine alone on a worker pool of the same size, which
 * is the floor the service can approach (the difference is HTTP, storage, queue and polling).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createScoringPool } from '../src/scoring/pool.ts';
import { benchJobSpec, FIXTURE_AS_OF, generateCvs } from './fixtures/index.ts';
import { parseBenchArgs } from './lib/args.ts';
import { startServeProcess } from './lib/serve-process.ts';
import { median } from './lib/stats.ts';
import { renderTable } from './lib/table.ts';

const BIN = fileURLToPath(new URL('../../bin/aptly.js', import.meta.url));
const TARGET_COMPLETE_MS = 3_000;
const POLL_MS = 20;

interface E2eRun {
  submitMs: number;
  completeMs: number;
}

async function screenOnce(
  baseUrl: string,
  apiKey: string,
  jobSpec: string,
  cvs: readonly string[],
): Promise<E2eRun> {
  const headers = { 'X-API-Key': apiKey, 'Content-Type': 'application/json' };
  const body = JSON.stringify({
    job_spec: jobSpec,
    candidates: cvs.map((cv_text, i) => ({ candidate_ref: `bench-${i}`, cv_text })),
  });
  const start = performance.now();
  const submit = await fetch(`${baseUrl}/api/v1/screen`, { method: 'POST', headers, body });
  const submitMs = performance.now() - start;
  if (!submit.ok) throw new Error(`submit answered ${submit.status}: ${await submit.text()}`);
  const { job_id } = (await submit.json()) as { job_id: string };
  for (;;) {
    const poll = await fetch(`${baseUrl}/api/v1/jobs/${job_id}`, { headers });
    const job = (await poll.json()) as { status: string; results?: unknown[]; failed?: unknown[] };
    if (job.status === 'complete' || job.status === 'failed') {
      if ((job.results?.length ?? 0) !== cvs.length)
        throw new Error(`job ended ${job.status} with partial results`);
      return { submitMs, completeMs: performance.now() - start };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function engineBaseline(threads: number, jobSpec: string, cvs: readonly string[], repeats: number) {
  const pool = createScoringPool({ threads });
  try {
    await pool.scoreBatch(jobSpec, cvs, { asOf: FIXTURE_AS_OF });
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      await pool.scoreBatch(jobSpec, cvs, { asOf: FIXTURE_AS_OF });
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const threads = availableParallelism();
  const jobSpec = benchJobSpec();
  const cvs = generateCvs({
    count: args.count,
    targetChars: args.chars,
    seed: args.seed,
    profession: 'software',
  });
  console.error(`[bench] engine alone: pool of ${threads} threads, ${args.count} CVs × ${args.repeats} …`);
  const baselineMs = await engineBaseline(threads, jobSpec, cvs, args.repeats);

  console.error('[bench] service: starting `aptly serve --role all` on a fresh SQLite database …');
  const server = await startServeProcess({ entry: [BIN] });
  const runs: E2eRun[] = [];
  try {
    // The first job also warms the workers' JIT and loads the taxonomy: reported apart.
    const cold = await screenOnce(server.baseUrl, server.apiKey, jobSpec, cvs);
    for (let r = 0; r < args.repeats; r++)
      runs.push(await screenOnce(server.baseUrl, server.apiKey, jobSpec, cvs));
    const completeMs = median(runs.map((r) => r.completeMs));
    const peakRss = server.peakRssBytes();
    const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : (bytes / 2 ** 20).toFixed(0));
    console.log(
      [
        `End-to-end benchmark: ${args.count} CVs of ~${args.chars} chars, one job, embedded SQLite, ${threads} scoring threads`,
        '',
        renderTable(
          ['metric', 'service (HTTP → queue → pool → poll)', 'engine alone (pool)', 'target'],
          [
            ['submit latency ms (median)', median(runs.map((r) => r.submitMs)).toFixed(0), '–', ''],
            [
              `time to complete ms (median of ${args.repeats})`,
              `${completeMs.toFixed(0)} ${completeMs <= TARGET_COMPLETE_MS ? 'PASS' : 'FAIL'}`,
              baselineMs.toFixed(0),
              `≤ ${TARGET_COMPLETE_MS}`,
            ],
            ['first job (cold workers) ms', cold.completeMs.toFixed(0), '–', ''],
            ['peak RSS of the server process MB', mb(peakRss), '–', ''],
          ],
        ),
        '',
        `Polling every ${POLL_MS} ms; "time to complete" runs from sending the POST to reading "complete".`,
      ].join('\n'),
    );
  } finally {
    await server.stop();
  }
}

await main();
