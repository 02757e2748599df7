import { parseArgs } from 'node:util';

export interface BenchArgs {
  count: number;
  chars: number;
  seed: number;
  repeats: number;
  threads: number;
  out: string;
  help: boolean;
}

export const USAGE = `Usage: npm run bench:engine -- [options]

  --count N      CVs in the batch (default 200)
  --chars N      approximate characters per CV (default 10000)
  --seed N       fixture seed (default 42)
  --repeats N    timed passes for every figure, median reported (default 3, minimum 3)
  --threads N    worker threads for the pool figures (default 2)
  --out PATH     JSON results file (default bench/results/engine.json)
  --help         this text`;

function intAtLeast(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      count: { type: 'string' },
      chars: { type: 'string' },
      seed: { type: 'string' },
      repeats: { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    count: intAtLeast('count', values.count, 200, 1),
    chars: intAtLeast('chars', values.chars, 10_000, 1),
    seed: intAtLeast('seed', values.seed, 42, 1),
    // A median of fewer than three passes is just one noisy pass.
    repeats: intAtLeast('repeats', values.repeats, 3, 3),
    threads: intAtLeast('threads', values.threads, 2, 1),
    out: values.out ?? 'bench/results/engine.json',
    help: values.help === true,
  };
}
