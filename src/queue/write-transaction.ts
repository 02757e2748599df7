import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../store/database.ts';
import type { Database } from '../store/schema.ts';

/**
 * Runs `work` in one write transaction. On SQLite the transaction starts with BEGIN IMMEDIATE: a deferred
 * transaction that reads first and writes later fails at once with SQLITE_BUSY when another connection
 * wrote in between, whereas IMMEDIATE takes the write lock up front and waits (busy_timeout) for it. On
 * PostgreSQL it is an ordinary transaction; row locks taken inside it serialise what must be serial.
 * Called inside such a transaction (same handle), `work` simply joins it.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  work: (tx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction || sqliteWrites.has(db)) return work(db);
  if (dialect === 'postgres') return db.transaction().execute(work);
  return inProcessTurn(() =>
    db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      sqliteWrites.add(connection);
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        await rollbackQuietly(connection, error);
        throw error;
      } finally {
        sqliteWrites.delete(connection);
      }
      await sql`commit`.execute(connection);
      return result;
    }),
  );
}

/** SQLite connections inside `begin immediate` (Kysely does not know it opened a transaction there). */
const sqliteWrites = new WeakSet<Kysely<Database>>();

/**
 * better-sqlite3 waits for a busy database synchronously, blocking the event loop. Two connections of ONE
 * process (tests; a process normally has one) would then deadlock: the waiting one blocks the very loop
 * the lock holder needs to finish. So SQLite write transactions of a process take turns here first;
 * other processes are waited for by busy_timeout as usual.
 */
let lastTurn: Promise<void> = Promise.resolve();

async function inProcessTurn<T>(work: () => Promise<T>): Promise<T> {
  const previous = lastTurn;
  let done: () => void = () => {};
  lastTurn = new Promise((resolve) => {
    done = resolve;
  });
  await previous;
  try {
    return await work();
  } finally {
    done();
  }
}

/**
 * SQLite may already have rolled the transaction back itself (e.g. on SQLITE_FULL); the rollback then
 * fails with "no transaction is active". The caller rethrows the original error, which is the one to see.
 */
async function rollbackQuietly(connection: Kysely<Database>, cause: unknown): Promise<void> {
  try {
    await sql`rollback`.execute(connection);
  } catch (rollbackError) {
    if (!/no transaction is active/i.test(String(rollbackError)))
      throw new AggregateError([cause, rollbackError], 'rollback failed');
  }
}
