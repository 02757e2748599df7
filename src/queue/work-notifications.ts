import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../store/schema.ts';
import { describeError, type QueueLogger } from './logger.ts';

/** The PostgreSQL channel on which a committed submission tells every worker process there is work. */
export const WORK_CHANNEL = 'aptly_work';

/** Call inside the submission's transaction: PostgreSQL delivers it on commit, and never on rollback. */
export async function notifyWork(tx: Kysely<Database>): Promise<void> {
  await sql`select pg_notify(${WORK_CHANNEL}, '')`.execute(tx);
}

export interface WorkListenerOptions {
  /** A new, not yet connected client of its own: LISTEN holds a session, which a pool cannot lend. */
  readonly connect: () => pg.Client;
  /** Called on each notification, and after each (re)connection: work may have come while nobody listened. */
  readonly onWork: () => void;
  readonly logger: QueueLogger;
  /** First pause before reconnecting; doubles on each further failure, up to 30 s. */
  readonly retryMs?: number;
}

export interface WorkListener {
  /** Stops listening and reconnecting, and ends the connection. */
  close(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/**
 * Listens for work notifications on one dedicated connection. Only a hint, like signalWork(): should the
 * connection be lost, it reconnects by itself with backoff and workers meanwhile find work by polling; no
 * failure here ever reaches the process as an unhandled error.
 */
export function listenForWork(options: WorkListenerOptions): WorkListener {
  const { logger } = options;
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let backoff = 0;

  const wake = () => {
    try {
      options.onWork();
    } catch (error) {
      logger.error({ error: describeError(error) }, 'queue: waking workers failed');
    }
  };
  const retryLater = (error: unknown) => {
    if (closed) return;
    backoff = backoff === 0 ? (options.retryMs ?? 1_000) : Math.min(MAX_RETRY_MS, backoff * 2);
    logger.warn({ error: describeError(error), retryInMs: backoff }, 'queue: work notifications lost');
    retry = setTimeout(() => void connect(), backoff);
  };

  const connect = async (): Promise<void> => {
    let client: pg.Client;
    try {
      client = options.connect();
    } catch (error) {
      retryLater(error);
      return;
    }
    current = client;
    let lost = false;
    const reconnectLater = (error: unknown) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (current === client) current = undefined;
      retryLater(error);
    };
    client.on('error', reconnectLater);
    client.on('end', () => reconnectLater(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === WORK_CHANNEL) wake();
    });
    try {
      await client.connect();
      await client.query(`listen ${WORK_CHANNEL}`);
    } catch (error) {
      reconnectLater(error);
      return;
    }
    if (lost || closed) return;
    backoff = 0;
    logger.debug({ channel: WORK_CHANNEL }, 'queue: listening for work notifications');
    wake();
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}
