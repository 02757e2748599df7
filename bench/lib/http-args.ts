import { parseArgs } from 'node:util';

export interface HttpBenchArgs {
  /** Candidates in each large job (the submit and throughput figures). */
  count: number;
  chars: number;
  /** Concurrent large jobs in the throughput figures. */
  jobs: number;
  /** Sequential submissions timed for the submit latency. */
  submissions: number;
  /** Seconds of each timed GET load. */
  duration: number;
  connections: number;
  seed: number;
  /** PostgreSQL server for the scale-out figures; `off` skips them. */
  postgres: string;
  out: string;
  quick: boolean;
  help: boolean;
}

export const HTTP_USAGE = `Usage: npm run bench:http -- [options]

  --quick            a smoke run of about a minute: --count 10 --jobs 2 --submissions 3 --duration 1
  --count N          candidates per large job (default 200)
  --chars N          approximate characters per CV (default 10000)
  --jobs N           concurrent large jobs for the throughput figures (default 20)
  --submissions N    sequential large submissions timed for submit latency (default 20)
  --duration S       seconds of each timed GET load (default 10)
  --connections N    connections of the GET loads (default 50)
  --seed N           fixture seed (default 42)
  --postgres URL     PostgreSQL server for the scale-out figures, or "off"
                     (default TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
  --out PATH         JSON results file (default bench/results/http.json)
  --help             this text`;

const QUICK = { count: 10, jobs: 2, submissions: 3, duration: 1 } as const;
const FULL = { count: 200, jobs: 20, submissions: 20, duration: 10 } as const;

function intAtLeast(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export function parseHttpBenchArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): HttpBenchArgs {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      count: text,
      chars: text,
      jobs: text,
      submissions: text,
      duration: text,
      connections: text,
      seed: text,
      postgres: text,
      out: text,
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick === true;
  const sizes = quick ? QUICK : FULL;
  return {
    count: intAtLeast('count', values.count, sizes.count, 1),
    chars: intAtLeast('chars', values.chars, 10_000, 1),
    jobs: intAtLeast('jobs', values.jobs, sizes.jobs, 1),
    // Percentiles of fewer than three submissions say nothing.
    submissions: intAtLeast('submissions', values.submissions, sizes.submissions, 3),
    duration: intAtLeast('duration', values.duration, sizes.duration, 1),
    connections: intAtLeast('connections', values.connections, 50, 1),
    seed: intAtLeast('seed', values.seed, 42, 1),
    postgres: values.postgres ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    out: values.out ?? 'bench/results/http.json',
    quick,
    help: values.help === true,
  };
}
