import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitJob } from '../../src/jobs/index.ts';
import { listenForWork, startWorker, type WorkListener } from '../../src/queue/index.ts';
import { findJob } from '../../src/store/jobs.repository.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import {
  checkPostgres,
  createTestDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/databases.ts';
import { createFakeEngine } from './fake-engine.ts';
import { waitFor } from './support.ts';

/** A logger whose messages the test can wait for. */
function recordingLogger() {
  const messages: string[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void messages.push(JSON.parse(line).msg) },
  );
  const count = (msg: string) => messages.filter((m) => m === msg).length;
  return { logger, count };
}

const LISTENING = 'queue: listening for work notifications';
const LOST = 'queue: work notifications lost';

async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

describe('work notifications [postgres]', () => {
  let database: TestDatabase | undefined;
  let skip = false;
  beforeAll(async () => {
    skip = !(await checkPostgres());
    if (!skip) database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.drop();
  });
  const db = () => {
    if (!database) throw new Error('no PostgreSQL test database');
    return database;
  };

  it('a worker whose next poll is 30 s away picks up a job submitted through another connection at once', async (ctx) => {
    if (skip) ctx.skip();
    const workerProcess = db().openAnother();
    const { logger, count } = recordingLogger();
    const worker = startWorker({
      store: workerProcess,
      engine: createFakeEngine(),
      config: { leaseMs: 5_000, pollIntervalMs: 30_000 },
      logger,
    });
    try {
      await waitFor(async () => count(LISTENING) > 0, 5_000, 'the listener');
      // Let the loops' first claims (empty) finish: from here on only a wake-up gets them claiming again.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const { store } = db();
      const principal = await createPrincipal(store.db);
      const { body } = await submitJob(submitDeps(store), principal, screenInput(3));
      const complete = async () => (await findJob(store.db, body.job_id))?.status === 'complete';
      await waitFor(complete, 1_500, 'the job, long before the 30 s poll');
    } finally {
      await worker.stop();
      await workerProcess.close();
    }
  });

  it('keeps retrying, with backoff and without crashing, while the database is unreachable', async () => {
    const { logger, count } = recordingLogger();
    let attempts = 0;
    const listener = listenForWork({
      connect: () => {
        attempts += 1;
        if (attempts === 2) throw new Error('no client for you');
        return new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 500 });
      },
      onWork: () => {},
      logger,
      retryMs: 20,
    });
    try {
      await waitFor(async () => count(LOST) >= 3, 5_000, 'three failed attempts');
      expect(count(LISTENING)).toBe(0);
    } finally {
      await listener.close();
    }
    const after = attempts;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(attempts).toBe(after);
  });

  it('reconnects by itself after its connection is killed, and is closed for good by close()', async (ctx) => {
    if (skip) ctx.skip();
    const applicationName = `aptly-listener-test-${randomBytes(4).toString('hex')}`;
    const { logger, count } = recordingLogger();
    let wakes = 0;
    const listener: WorkListener = listenForWork({
      connect: () =>
        new pg.Client({ connectionString: TEST_DATABASE_URL, application_name: applicationName }),
      onWork: () => {
        wakes += 1;
      },
      logger,
      retryMs: 50,
    });
    const sessions = async () =>
      (await adminQuery('select pid from pg_stat_activity where application_name = $1', [applicationName]))
        .rows.length;
    try {
      await waitFor(async () => count(LISTENING) === 1, 5_000, 'the first connection');
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
        applicationName,
      ]);
      await waitFor(async () => count(LOST) >= 1 && count(LISTENING) >= 2, 5_000, 'the reconnection');

      const before = wakes;
      await adminQuery("select pg_notify('aptly_work', '')");
      await waitFor(async () => wakes > before, 2_000, 'a notification after reconnecting');
    } finally {
      await listener.close();
    }
    await waitFor(async () => (await sessions()) === 0, 5_000, 'the session to end');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sessions()).toBe(0);
  });
});
