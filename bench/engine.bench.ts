/**
 * Engine benchmark: `npm run bench:engine -- [--count N] [--chars N] ...` (see bench/README.md).
 *
 * Scores one deterministic batch of generated CVs against the benchmark job spec with the local engine
 * and the TF-IDF baseline, in one run and on worker threads as the service runs them, and prints them side
 * by side with the targets. The local engine is also measured on the worker-thread pool. The figures go
 * to bench/results/engine.json too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPackageRoot } from '../src/config/package-root.ts';
import { createScoringPool } from '../src/scoring/pool.ts';
import { benchJobSpec, FIXTURE_AS_OF, generateCvFixtures } from './fixtures/index.ts';
import { type BenchArgs, parseBenchArgs, USAGE } from './lib/args.ts';
import { type BenchInput, measureSingleThread } from './lib/measure.ts';
import { measurePool } from './lib/measure-pool.ts';
import { exposeGc, MemorySampler } from './lib/memory.ts';
import { type RunInfo, renderReport, reportJson, type SubjectResult } from './lib/report.ts';

// The project root, whether this runs from bench/ or compiled from dist/bench/.
const ROOT = findPackageRoot(import.meta.url);

async function main(args: BenchArgs): Promise<void> {
  const gc = exposeGc();
  const sampler = MemorySampler.start(10);
  const fixtures = generateCvFixtures({
    count: args.count,
    targetChars: args.chars,
    seed: args.seed,
    profession: 'software',
  });
  const input: BenchInput = {
    jobSpec: benchJobSpec(),
    cvs: fixtures.map((f) => f.text),
    fits: fixtures.map((f) => f.fit),
    asOf: FIXTURE_AS_OF,
    repeats: args.repeats,
  };

  // Every phase runs its engine on worker threads, as the service does; the main thread never loads the
  // taxonomy. Each phase's peak RSS is of the whole process while that phase ran.
  gc();
  console.error(`[bench] tfidf: 1 thread, ${args.count} CVs × ${args.repeats} passes …`);
  const tfidf = await measureSingleThread('tfidf', input, sampler);
  gc();
  console.error(`[bench] local: pool of ${args.threads} threads, ${args.count} CVs × ${args.repeats} …`);
  const createPool = () => createScoringPool({ threads: args.threads });
  const pool = await measurePool(createPool, args.threads, input, sampler);
  gc();
  console.error(`[bench] local: 1 thread, ${args.count} CVs × ${args.repeats} passes …`);
  const local = await measureSingleThread('local', input, sampler);
  await sampler.stop();
  const results: SubjectResult[] = [
    { subject: local.subject, singleThread: local.metrics, pool },
    { subject: tfidf.subject, singleThread: tfidf.metrics, pool: null },
  ];

  const info: RunInfo = {
    args,
    asOf: FIXTURE_AS_OF,
    jobSpecChars: input.jobSpec.length,
    averageCvChars: input.cvs.reduce((n, cv) => n + cv.length, 0) / Math.max(1, args.count),
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      availableParallelism: os.availableParallelism(),
    },
  };
  console.log(renderReport(results, info));

  const outPath = path.resolve(ROOT, args.out);
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(reportJson(results, info), null, 2)}\n`);
  console.log(`\nresults written to ${path.relative(ROOT, outPath)}`);
}

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
if (args.help) console.log(USAGE);
else await main(args);
