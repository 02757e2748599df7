/** The HTTP benchmark's verdicts, its side-by-side table and its JSON results. */
import type { LoadFigures } from '../lib/load.ts';
import { percentile } from '../lib/stats.ts';
import { fmtMb, fmtMs, fmtNumber, renderTable } from '../lib/table.ts';
import type { ApiLatency } from './api-latency.ts';
import { PROBE_LOAD, type ThroughputRun } from './throughput.ts';

export const HTTP_TARGETS = {
  /** Our pending-job GET's requests/s as a share of the bare route's, at the same connections. */
  pendingGetShareOfBare: 0.4,
  pendingGetP99Ms: 20,
  submitP50Ms: 150,
  peakRssMb: 300,
  /** A small GET's p99 while scoring runs, as a multiple of its idle p99. */
  getP99DuringScoringOverIdle: 2,
} as const;

const MB = 1024 * 1024;

export interface HttpResults {
  readonly api: ApiLatency;
  readonly throughput: readonly ThroughputRun[];
}

/** ours ÷ baseline; null when the baseline measured nothing (no ratio to speak of). */
export function ratio(ours: number, baseline: number): number | null {
  return baseline > 0 && Number.isFinite(ours) ? ours / baseline : null;
}

export function submitPercentiles(submitMs: readonly number[]) {
  return { p50: percentile(submitMs, 50), p99: percentile(submitMs, 99) };
}

export function apiVerdicts(api: ApiLatency) {
  const share = ratio(api.pending.requestsPerSecond, api.bare.requestsPerSecond);
  return {
    pendingGetShare: share !== null && share >= HTTP_TARGETS.pendingGetShareOfBare,
    pendingGetP99: api.pending.p99Ms <= HTTP_TARGETS.pendingGetP99Ms,
    submitP50: submitPercentiles(api.submitMs).p50 <= HTTP_TARGETS.submitP50Ms,
  };
}

export function throughputVerdicts(run: ThroughputRun) {
  const slowdown = ratio(run.getDuringScoring.p99Ms, run.getIdle.p99Ms);
  return {
    getP99DuringScoring: slowdown !== null && slowdown <= HTTP_TARGETS.getP99DuringScoringOverIdle,
    peakRss: run.peakRss.every((p) => p.bytes !== undefined && p.bytes / MB <= HTTP_TARGETS.peakRssMb),
  };
}

export const mark = (value: string, ok: boolean) => `${value}  ${ok ? 'PASS' : 'FAIL'}`;
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(0)}%`);
const rps = (f: LoadFigures) => fmtNumber(f.requestsPerSecond, 0);

function apiRows(api: ApiLatency, connections: number): string[][] {
  const v = apiVerdicts(api);
  const submit = submitPercentiles(api.submitMs);
  const share = (f: LoadFigures) => pct(ratio(f.requestsPerSecond, api.bare.requestsPerSecond));
  const t = HTTP_TARGETS;
  return [
    [
      `GET pending job, req/s (${connections} conn.)`,
      mark(`${rps(api.pending)} (${share(api.pending)} of bare)`, v.pendingGetShare),
      `bare route ${rps(api.bare)}`,
      `≥ ${t.pendingGetShareOfBare * 100}% of bare`,
    ],
    ['GET pending job, p50 ms', fmtMs(api.pending.p50Ms), `bare route ${fmtMs(api.bare.p50Ms)}`, ''],
    [
      'GET pending job, p99 ms',
      mark(fmtMs(api.pending.p99Ms), v.pendingGetP99),
      `bare route ${fmtMs(api.bare.p99Ms)}`,
      `≤ ${t.pendingGetP99Ms}`,
    ],
    [
      'GET complete 10-candidate job, req/s',
      `${rps(api.complete)} (${share(api.complete)} of bare)`,
      `bare route ${rps(api.bare)}`,
      '',
    ],
    [
      'GET complete 10-candidate job, p50 / p99 ms',
      `${fmtMs(api.complete.p50Ms)} / ${fmtMs(api.complete.p99Ms)}`,
      `bare route ${fmtMs(api.bare.p50Ms)} / ${fmtMs(api.bare.p99Ms)}`,
      '',
    ],
    [
      `POST screen, submit p50 ms (${api.submitMs.length} sequential)`,
      mark(fmtMs(submit.p50), v.submitP50),
      '–',
      `≤ ${t.submitP50Ms}`,
    ],
    ['POST screen, submit p99 ms', fmtMs(submit.p99), '–', ''],
    ['peak RSS MB, API process (--role api)', fmtMb(api.apiPeakRssBytes), '–', ''],
  ];
}

function throughputRows(run: ThroughputRun, jobs: number, baselineCvsPerSecond: number): string[][] {
  const v = throughputVerdicts(run);
  const slowdown = ratio(run.getDuringScoring.p99Ms, run.getIdle.p99Ms);
  const t = HTTP_TARGETS;
  const rss = run.peakRss.map((p) => `${p.name} ${fmtMb(p.bytes)}`).join(', ');
  const vsBaseline = ratio(run.cvsPerSecond, baselineCvsPerSecond);
  return [
    [
      `${run.label}: CVs/s, ${jobs} concurrent jobs`,
      fmtNumber(run.cvsPerSecond, 1),
      vsBaseline === null || vsBaseline === 1 ? '–' : `${pct(vsBaseline)} of SQLite`,
      '',
    ],
    [
      '  one job, warm / cold, ms to complete',
      `${run.oneJobMs.toFixed(0)} / ${run.coldJobMs.toFixed(0)}`,
      '–',
      '',
    ],
    [
      '  small GET p99 ms while scoring',
      mark(`${fmtMs(run.getDuringScoring.p99Ms)} (${fmtNumber(slowdown, 2)}×)`, v.getP99DuringScoring),
      `idle ${fmtMs(run.getIdle.p99Ms)}`,
      `≤ ${t.getP99DuringScoringOverIdle}× idle`,
    ],
    ['  peak RSS MB per process', mark(rss, v.peakRss), '–', `≤ ${t.peakRssMb} each`],
  ];
}

export interface HttpRunInfo {
  readonly count: number;
  readonly averageCvChars: number;
  readonly jobs: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly notes: readonly string[];
}

/** Loads that met errors or non-2xx answers: their figures do not measure the route they name. */
export function failedLoads(results: HttpResults): string[] {
  const loads: [string, LoadFigures][] = [
    ['bare route', results.api.bare],
    ['GET pending job', results.api.pending],
    ['GET complete job', results.api.complete],
    ...results.throughput.flatMap((run): [string, LoadFigures][] => [
      [`${run.label}, small GET idle`, run.getIdle],
      [`${run.label}, small GET while scoring`, run.getDuringScoring],
    ]),
  ];
  return loads
    .filter(([, figures]) => figures.failures > 0)
    .map(([name, figures]) => `warning: ${name}: ${figures.failures} of ${figures.requests} requests failed`);
}

/** Submissions that met a 503 first: the service shed load there, which the figures alone hide. */
export function retriedSubmissions(results: HttpResults): string[] {
  const counts: [string, number][] = [
    ['sequential submissions', results.api.submitRetries],
    ...results.throughput.map((run): [string, number] => [
      `${run.label}, concurrent jobs`,
      run.submitRetries,
    ]),
  ];
  return counts
    .filter(([, retries]) => retries > 0)
    .map(([name, retries]) => `warning: ${name}: ${retries} submissions answered 503 and were retried`);
}

export function renderHttpReport(results: HttpResults, info: HttpRunInfo): string {
  const baseline = results.throughput.find((run) => run.label.startsWith('SQLite'))?.cvsPerSecond ?? 0;
  const rows = [
    ...apiRows(results.api, info.connections),
    ...results.throughput.flatMap((run) => throughputRows(run, info.jobs, baseline)),
  ];
  return [
    `HTTP benchmark: GET loads of ${info.durationSeconds} s at ${info.connections} connections (autocannon); large jobs of ${info.count} CVs of ~${fmtNumber(info.averageCvChars, 0)} chars`,
    '',
    renderTable(['metric', 'measured', 'baseline (same run)', 'target'], rows),
    '',
    `Small GET: a one-candidate job at ${PROBE_LOAD.connections} connections and ${PROBE_LOAD.overallRate} requests/s in all, idle and then during the ${info.jobs} jobs.`,
    'CVs/s: candidates ÷ seconds from the first POST to the last job read complete (polled every 100 ms).',
    ...info.notes,
    ...failedLoads(results),
    ...retriedSubmissions(results),
  ].join('\n');
}

export function httpReportJson(results: HttpResults, info: HttpRunInfo) {
  return {
    generatedAt: new Date().toISOString(),
    config: info,
    targets: HTTP_TARGETS,
    api: {
      ...results.api,
      submitPercentilesMs: submitPercentiles(results.api.submitMs),
      pendingShareOfBare: ratio(results.api.pending.requestsPerSecond, results.api.bare.requestsPerSecond),
      completeShareOfBare: ratio(results.api.complete.requestsPerSecond, results.api.bare.requestsPerSecond),
      pass: apiVerdicts(results.api),
    },
    throughput: results.throughput.map((run) => ({ ...run, pass: throughputVerdicts(run) })),
  };
}
