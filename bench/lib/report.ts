/** The side-by-side table, its PASS/FAIL verdicts and the JSON results of one benchmark run. */
import type { BenchArgs } from './args.ts';
import type { SingleThreadMetrics } from './measure.ts';
import type { PoolMetrics } from './measure-pool.ts';
import type { SubjectDescription } from './subjects.ts';
import { fmtMb, fmtMs, fmtNumber, renderTable } from './table.ts';

/** Targets of the brief; the pool target is per 200 CVs and scales with --count. */
export const TARGETS = {
  cvsPerSecondOneThread: 200,
  poolBatchMsPer200Cvs: 1000,
  poolThreads: 2,
  peakRssMb: 300,
  cvChars: 10_000,
} as const;

export interface SubjectResult {
  subject: SubjectDescription;
  singleThread: SingleThreadMetrics;
  /** Only the local engine runs on the worker-thread pool. */
  pool: PoolMetrics | null;
}

export interface RunInfo {
  args: BenchArgs;
  asOf: string;
  jobSpecChars: number;
  averageCvChars: number;
  environment: { node: string; platform: string; cpuModel: string; availableParallelism: number };
}

const MB = 1024 * 1024;

export function poolTargetMs(args: BenchArgs): number {
  return (TARGETS.poolBatchMsPer200Cvs * args.count) / 200;
}

function peakRss(r: SubjectResult): number {
  return Math.max(r.singleThread.peakRssBytes, r.pool?.peakRssBytes ?? 0);
}

/** null: no target applies (no pool, or a thread count the target is not defined for). */
export function verdicts(r: SubjectResult, args: BenchArgs) {
  return {
    cvsPerSecondOneThread: r.singleThread.cvsPerSecond >= TARGETS.cvsPerSecondOneThread,
    poolBatch:
      r.pool && args.threads === TARGETS.poolThreads ? r.pool.warmBatchMedianMs <= poolTargetMs(args) : null,
    peakRss: peakRss(r) / MB <= TARGETS.peakRssMb,
  };
}

const mark = (value: string, ok: boolean | null) =>
  ok === null ? value : `${value}  ${ok ? 'PASS' : 'FAIL'}`;

export function renderReport(results: readonly SubjectResult[], info: RunInfo): string {
  const { args } = info;
  const row = (metric: string, target: string, cell: (r: SubjectResult) => string) => [
    metric,
    ...results.map(cell),
    target,
  ];
  const st = (r: SubjectResult) => r.singleThread;
  const rows = [
    row(`CVs/s, 1 thread (median of ${args.repeats} passes)`, `≥ ${TARGETS.cvsPerSecondOneThread}`, (r) =>
      mark(fmtNumber(st(r).cvsPerSecond), verdicts(r, args).cvsPerSecondOneThread),
    ),
    row('per-CV p50 ms', '', (r) => fmtMs(st(r).perCvMs.p50)),
    row('per-CV p99 ms', '', (r) => fmtMs(st(r).perCvMs.p99)),
    row('job parse ms (once, not in per-CV figures)', '', (r) =>
      r.subject.perCvIncludesJobSpec ? 'none (spec redone per CV)' : fmtMs(st(r).jobPrepareMs),
    ),
    row('engine load ms (once)', '', (r) => fmtMs(st(r).engineLoadMs)),
    row(`scoreBatch(${args.count}), 1 thread ms`, '', (r) => fmtMs(st(r).batchMs)),
    row(`pool batch (${args.count}), ${args.threads} threads, warm ms`, `≤ ${poolTargetMs(args)}`, (r) =>
      r.pool ? mark(fmtMs(r.pool.warmBatchMedianMs), verdicts(r, args).poolBatch) : 'n/a',
    ),
    row('pool cold start + first batch ms', '', (r) => (r.pool ? fmtMs(r.pool.coldFirstBatchMs) : 'n/a')),
    row('peak RSS MB, 1-thread phase', `≤ ${TARGETS.peakRssMb}`, (r) => fmtMb(st(r).peakRssBytes)),
    row(`peak RSS MB, pool phase`, `≤ ${TARGETS.peakRssMb}`, (r) =>
      r.pool ? fmtMb(r.pool.peakRssBytes) : 'n/a',
    ),
    row('peak RSS MB, worst phase', `≤ ${TARGETS.peakRssMb}`, (r) =>
      mark(fmtMb(peakRss(r)), verdicts(r, args).peakRss),
    ),
    row('peak heap used MB (scoring thread, 1-thread phase)', '', (r) => fmtMb(st(r).peakHeapUsedBytes)),
    row('mean score strong / borderline / unrelated', '', (r) =>
      ['strong', 'borderline', 'unrelated'].map((k) => fmtNumber(st(r).meanScoreByFit[k], 0)).join(' / '),
    ),
  ];
  const env = info.environment;
  const lines = [
    `Engine benchmark: ${args.count} CVs of ~${fmtNumber(info.averageCvChars, 0)} chars (seed ${args.seed}), job spec ${info.jobSpecChars} chars, asOf ${info.asOf}`,
    `Node ${env.node}, ${env.platform}, ${env.availableParallelism} CPUs (${env.cpuModel})`,
    '',
    renderTable(['metric', ...results.map((r) => r.subject.name), 'target'], rows),
    '',
    ...results.flatMap((r) => [
      `${r.subject.name}: ${r.subject.description}`,
      `  per CV: ${r.subject.perCvPath}`,
      ...(r.singleThread.unscorable > 0 ? [`  ${r.singleThread.unscorable} CVs were unscorable`] : []),
    ]),
    `Peak RSS: the whole process (main thread, sampler thread, scoring workers), sampled every 10 ms by a helper thread, per phase; every phase scores on worker threads with the scoring pool's V8 limits; ${fmtMb(Math.max(...results.map(peakRss)))} MB over the run.`,
  ];
  if (args.count !== 200 || args.chars !== TARGETS.cvChars)
    lines.push(
      'note: the targets are defined for 200 CVs of 10,000 chars; the pool target scales with --count.',
    );
  if (args.threads !== TARGETS.poolThreads)
    lines.push(`note: the pool target is defined for ${TARGETS.poolThreads} threads; no PASS/FAIL here.`);
  if (env.availableParallelism < args.threads)
    lines.push(`note: only ${env.availableParallelism} CPUs for ${args.threads} pool threads.`);
  return lines.join('\n');
}

export function reportJson(results: readonly SubjectResult[], info: RunInfo) {
  return {
    generatedAt: new Date().toISOString(),
    config: {
      count: info.args.count,
      chars: info.args.chars,
      seed: info.args.seed,
      repeats: info.args.repeats,
      threads: info.args.threads,
      asOf: info.asOf,
      jobSpecChars: info.jobSpecChars,
      averageCvChars: info.averageCvChars,
    },
    environment: info.environment,
    targets: { ...TARGETS, poolBatchMsThisRun: poolTargetMs(info.args) },
    processPeakRssBytes: Math.max(...results.map(peakRss)),
    subjects: results.map((r) => ({ ...r, pass: verdicts(r, info.args) })),
  };
}
