/**
 * HTTP load benchmark: `npm run bench:http -- [--quick] [--count N] [--jobs N] …` (see --help).
 *
 * Starts the compiled service as child processes and measures, in one run: GET /api/v1/jobs/{id}
 * against a bare Fastify route (autocannon), POST /api/v1/screen submit latency, and concurrent large
 * jobs on embedded SQLite and on PostgreSQL with one and two worker processes. Prints every figure next
 * to its same-run baseline and target, and writes bench/results/http.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchJobSpec, generateCvs } from './fixtures/index.ts';
import { measureApiLatency } from './http/api-latency.ts';
import { type ClusterPlan, embeddedSqlite, postgresScaleOut } from './http/clusters.ts';
import { httpReportJson, renderHttpReport } from './http/report.ts';
import { measureThroughput, type ThroughputRun } from './http/throughput.ts';
import { HTTP_USAGE, parseHttpBenchArgs } from './lib/http-args.ts';
import { postgresReachable } from './lib/postgres-schema.ts';
import { mean } from './lib/stats.ts';

const ENTRY = [fileURLToPath(new URL('../../bin/aptly.js', import.meta.url))];
const SMALL_JOB_CANDIDATES = 10;
const startedAt = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0)} s] ${line}\n`);

async function main(): Promise<void> {
  const args = parseHttpBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HTTP_USAGE);
    return;
  }
  const jobSpec = benchJobSpec();
  const cvs = generateCvs({
    count: args.count,
    targetChars: args.chars,
    seed: args.seed,
    profession: 'software',
  });
  const smallJobCvs = generateCvs({ count: SMALL_JOB_CANDIDATES, seed: args.seed, profession: 'software' });

  const api = await measureApiLatency({
    entry: ENTRY,
    jobSpec,
    smallJobCvs,
    largeJobCvs: cvs,
    submissions: args.submissions,
    connections: args.connections,
    durationSeconds: args.duration,
    log,
  });

  const notes: string[] = [];
  const clusters: ClusterPlan[] = [embeddedSqlite(ENTRY)];
  if (args.postgres !== 'off' && (await postgresReachable(args.postgres)))
    clusters.push(postgresScaleOut(ENTRY, args.postgres, 1), postgresScaleOut(ENTRY, args.postgres, 2));
  else notes.push('note: PostgreSQL was off or unreachable: no scale-out figures.');
  const throughput: ThroughputRun[] = [];
  for (const cluster of clusters) {
    // One deployment failing (PostgreSQL away, a refused submission) must not lose the others' figures.
    try {
      throughput.push(
        await measureThroughput(cluster, {
          jobSpec,
          cvs,
          jobs: args.jobs,
          durationSeconds: args.duration,
          log,
        }),
      );
    } catch (error) {
      notes.push(`error: ${cluster.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (args.count !== 200 || args.chars !== 10_000)
    notes.push('note: the targets are defined for jobs of 200 CVs of 10,000 characters.');
  const info = {
    count: args.count,
    averageCvChars: mean(cvs.map((cv) => cv.length)),
    jobs: args.jobs,
    connections: args.connections,
    durationSeconds: args.duration,
    notes,
  };
  const results = { api, throughput };
  console.log(renderHttpReport(results, info));
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(httpReportJson(results, info), null, 2)}\n`);
  log(`results written to ${args.out}`);
}

await main();
