import autocannon from 'autocannon';

/** What one autocannon run measured. Latencies in ms; requests/s is the mean over the run's seconds. */
export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Non-2xx answers plus connection errors: a run with any is not a valid measurement. */
  readonly failures: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly connections: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  readonly overallRate?: number;
}

/** A GET load running until stop(): for measuring latency while something else happens. */
export interface RunningLoad {
  stop(): Promise<LoadFigures>;
}

function figuresOf(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

function launch(options: LoadOptions, durationSeconds: number) {
  let stopInstance = () => {};
  const done = new Promise<LoadFigures>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'GET',
        headers: { ...options.headers },
        connections: options.connections,
        duration: durationSeconds,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(figuresOf(result));
      },
    );
    stopInstance = () => instance.stop();
  });
  return { done, stop: stopInstance };
}

/** One timed GET load of `durationSeconds`. */
export function measureGet(options: LoadOptions, durationSeconds: number): Promise<LoadFigures> {
  return launch(options, durationSeconds).done;
}

/** A GET load that runs until stopped (capped at an hour). */
export function startGetLoad(options: LoadOptions): RunningLoad {
  const { done, stop } = launch(options, 3_600);
  return {
    stop() {
      stop();
      return done;
    },
  };
}
