import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchSchema {
  /** The server URL with every connection's search_path set to the schema. */
  readonly databaseUrl: string;
  readonly name: string;
  drop(): Promise<void>;
}

async function withClient<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** True when the server answers; the scale-out figures are skipped, with a note, when it does not. */
export async function postgresReachable(serverUrl: string): Promise<boolean> {
  try {
    await withClient(serverUrl, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh schema for one benchmark configuration. The service opens DATABASE_URL as given, so the schema
 * travels in the URL as libpq's `options` parameter (README: "Running on PostgreSQL").
 */
export async function createBenchSchema(serverUrl: string): Promise<BenchSchema> {
  const name = `bench_http_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE SCHEMA ${name}`));
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    databaseUrl: url.toString(),
    name,
    drop: () => withClient(serverUrl, (client) => client.query(`DROP SCHEMA ${name} CASCADE`)).then(() => {}),
  };
}
