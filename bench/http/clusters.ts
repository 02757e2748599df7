/** The service deployments the throughput figures compare, each started fresh and stopped after. */
import { createUnlimitedKey } from '../lib/aptly-cli.ts';
import { createBenchSchema } from '../lib/postgres-schema.ts';
import { type AptlyProcess, startServeProcess, startWorkerProcess } from '../lib/serve-process.ts';

export interface Cluster {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Every process, named for the report ("all", "api", "worker 1", …). */
  readonly processes: readonly { readonly name: string; readonly process: AptlyProcess }[];
  stop(): Promise<void>;
}

export interface ClusterPlan {
  readonly label: string;
  start(): Promise<Cluster>;
}

/** Load tests must not meet the per-key rate limit: that would measure 429s. */
export const UNLIMITED_RATE = { APTLY_RATE_LIMIT_PER_MINUTE: '1000000000' } as const;

export function embeddedSqlite(entry: readonly string[]): ClusterPlan {
  return {
    label: 'SQLite, 1 process (--role all)',
    async start() {
      const all = await startServeProcess({ entry, role: 'all', env: UNLIMITED_RATE });
      const apiKey = await createUnlimitedKey(entry, all.databaseUrl);
      return {
        baseUrl: all.baseUrl,
        apiKey,
        processes: [{ name: 'all', process: all }],
        stop: () => all.stop().then(() => {}),
      };
    },
  };
}

/** One API process and `workers` worker processes on a fresh schema, dropped at stop. */
export function postgresScaleOut(entry: readonly string[], serverUrl: string, workers: number): ClusterPlan {
  return {
    label: `PostgreSQL, 1 API + ${workers} worker process${workers > 1 ? 'es' : ''}`,
    async start() {
      const schema = await createBenchSchema(serverUrl);
      const started: { name: string; process: AptlyProcess }[] = [];
      const stopAll = async () => {
        // Workers first: they hold leases in the schema that is then dropped.
        for (const { process } of [...started].reverse()) await process.stop();
        await schema.drop();
      };
      try {
        const api = await startServeProcess({
          entry,
          role: 'api',
          databaseUrl: schema.databaseUrl,
          env: UNLIMITED_RATE,
        });
        started.push({ name: 'api', process: api });
        for (let i = 1; i <= workers; i++) {
          const worker = await startWorkerProcess({ entry, databaseUrl: schema.databaseUrl });
          started.push({ name: `worker ${i}`, process: worker });
        }
        const apiKey = await createUnlimitedKey(entry, schema.databaseUrl);
        return { baseUrl: api.baseUrl, apiKey, processes: started, stop: stopAll };
      } catch (error) {
        await stopAll();
        throw error;
      }
    },
  };
}
