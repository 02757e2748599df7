import { describe, expect, it } from 'vitest';
import type { ApiLatency } from '../../bench/http/api-latency.ts';
import { apiVerdicts, failedLoads, ratio, throughputVerdicts } from '../../bench/http/report.ts';
import type { ThroughputRun } from '../../bench/http/throughput.ts';
import { parseHttpBenchArgs } from '../../bench/lib/http-args.ts';
import type { LoadFigures } from '../../bench/lib/load.ts';

const load = (requestsPerSecond: number, p99Ms: number, failures = 0): LoadFigures => ({
  requestsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
  requests: 1_000,
  failures,
});

const api = (pending: LoadFigures, submitMs: number[]): ApiLatency => ({
  bare: load(10_000, 10),
  pending,
  complete: load(3_000, 25),
  submitMs,
  submitRetries: 0,
  apiPeakRssBytes: 100 * 2 ** 20,
});

const run = (idleP99: number, duringP99: number, rssMb: number[]): ThroughputRun => ({
  label: 'SQLite',
  cvs: 4_000,
  seconds: 40,
  cvsPerSecond: 100,
  oneJobMs: 1_500,
  coldJobMs: 3_000,
  submitRetries: 0,
  getIdle: load(200, idleP99),
  getDuringScoring: load(200, duringP99),
  peakRss: rssMb.map((mb, i) => ({ name: `p${i}`, bytes: mb * 2 ** 20 })),
});

describe('HTTP benchmark report', () => {
  it('divides by a baseline only when it measured something', () => {
    expect(ratio(4_000, 10_000)).toBe(0.4);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(Number.NaN, 10)).toBeNull();
  });

  it('judges the GET and submit targets at their boundaries', () => {
    expect(apiVerdicts(api(load(4_000, 20), [150, 150, 900]))).toEqual({
      pendingGetShare: true,
      pendingGetP99: true,
      submitP50: true,
    });
    expect(apiVerdicts(api(load(3_999, 20.1), [151, 151, 10]))).toEqual({
      pendingGetShare: false,
      pendingGetP99: false,
      submitP50: false,
    });
  });

  it('holds the GET under scoring to twice its idle p99, and every process to 300 MB', () => {
    expect(throughputVerdicts(run(5, 10, [300, 120]))).toEqual({ getP99DuringScoring: true, peakRss: true });
    expect(throughputVerdicts(run(5, 10.5, [301, 120]))).toEqual({
      getP99DuringScoring: false,
      peakRss: false,
    });
  });

  it('names every load that met failures', () => {
    const results = { api: api(load(4_000, 20, 3), [100, 100, 100]), throughput: [run(5, 6, [100])] };
    expect(failedLoads(results)).toEqual(['warning: GET pending job: 3 of 1000 requests failed']);
  });
});

describe('HTTP benchmark arguments', () => {
  it('shrinks every size with --quick, and explicit options win', () => {
    const quick = parseHttpBenchArgs(['--quick', '--jobs', '3'], {});
    expect(quick).toMatchObject({ count: 10, jobs: 3, submissions: 3, duration: 1, connections: 50 });
    expect(parseHttpBenchArgs([], {})).toMatchObject({ count: 200, jobs: 20, submissions: 20, duration: 10 });
  });

  it('takes PostgreSQL from TEST_DATABASE_URL unless told', () => {
    expect(parseHttpBenchArgs([], { TEST_DATABASE_URL: 'postgres://db/x' }).postgres).toBe('postgres://db/x');
    expect(parseHttpBenchArgs(['--postgres', 'off'], {}).postgres).toBe('off');
  });
});
