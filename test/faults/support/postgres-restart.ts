import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { TEST_DATABASE_URL } from '../../support/databases.ts';
import { FAULTS_APP_NAME, waitForPostgres } from './postgres-schema.ts';
import { progress, waitFor } from './wait.ts';

const run = promisify(execFile);
/** Debian/Ubuntu keep one directory per installed PostgreSQL major version here. */
const CLUSTERS_DIR = '/etc/postgresql';

/** The cluster's version when this machine lets the test restart it; otherwise why not. */
export async function restartablePostgres(): Promise<{ version: string } | { reason: string }> {
  if (process.getuid?.() !== 0) return { reason: 'the tests do not run as root' };
  const host = new URL(TEST_DATABASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    return { reason: `TEST_DATABASE_URL is not on this machine (${host})` };
  const versions = existsSync(CLUSTERS_DIR) ? readdirSync(CLUSTERS_DIR) : [];
  const [version] = versions;
  if (versions.length !== 1 || version === undefined)
    return { reason: `expected one PostgreSQL version under ${CLUSTERS_DIR}, found ${versions.length}` };
  try {
    await run('sh', ['-c', 'command -v pg_ctlcluster']);
  } catch {
    return { reason: 'pg_ctlcluster is not installed' };
  }
  return { version };
}

/**
 * Waits (at most `timeoutMs`) until no one but these tests holds a PostgreSQL session, so a restart on a
 * shared development machine does not break someone else's run; under CI nothing else runs by then.
 */
export async function waitForOthersToDisconnect(timeoutMs = 90_000): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, application_name: FAULTS_APP_NAME });
  await client.connect();
  try {
    await waitFor(
      'other PostgreSQL sessions to end',
      async () => {
        const { rows } = await client.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity
            where backend_type = 'client backend' and pid <> pg_backend_pid()
              and application_name is distinct from $1`,
          [FAULTS_APP_NAME],
        );
        return Number(rows[0]?.n ?? 0) === 0 ? true : undefined;
      },
      timeoutMs,
      250,
    ).catch(() => progress('other PostgreSQL sessions are still open: restarting anyway'));
  } finally {
    await client.end();
  }
}

/** `pg_ctlcluster <version> main restart`, then waits until PostgreSQL answers queries again. */
export async function restartPostgres(version: string): Promise<void> {
  try {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
      timeout: 60_000,
    });
  } finally {
    await waitForPostgres();
  }
}
