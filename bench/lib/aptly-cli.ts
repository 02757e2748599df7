import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One `aptly` admin command on a database; admin commands print one JSON object. */
async function aptlyJson(
  entry: readonly string[],
  databaseUrl: string,
  args: readonly string[],
): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [...entry, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, APTLY_LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/**
 * A fresh organisation whose quota no benchmark reaches, and a key of it: the bootstrap organisation's
 * hard cap (1,500 CVs a month) would refuse a load test after a few jobs.
 */
export async function createUnlimitedKey(entry: readonly string[], databaseUrl: string): Promise<string> {
  // Within a 32-bit integer column on PostgreSQL.
  const cap = '1000000000';
  const org = await aptlyJson(entry, databaseUrl, [
    'org',
    'create',
    '--name',
    'Benchmark',
    '--committed',
    cap,
    '--hard-cap',
    cap,
  ]);
  const key = await aptlyJson(entry, databaseUrl, [
    'key',
    'create',
    '--org',
    String(org.id),
    '--name',
    'benchmark',
  ]);
  if (typeof key.key !== 'string') throw new Error(`aptly key create printed no key: ${JSON.stringify(key)}`);
  return key.key;
}
