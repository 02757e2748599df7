import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** SQLite only: the database file (undefined in memory). */
  readonly file?: string;
  /**
   * PostgreSQL only: a new client outside the pool, not yet connected, for what must hold one session of its
   * own (LISTEN, session advisory locks). The caller connects and ends it.
   */
  readonly dedicatedClient?: () => pg.Client;
  /** Connections held now, for /metrics: SQLite always has its one. */
  connections(): PoolUsage;
  close(): Promise<void>;
}

export interface PoolUsage {
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a free connection. */
  readonly waiting: number;
}

/** SQLite's wait on a locked file when the caller names no timeout. */
const DEFAULT_SQLITE_BUSY_MS = 5_000;

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection uses (tests give each file its own). */
  readonly searchPath?: string;
  readonly maxConnections?: number;
  /**
   * Longest wait for a connection (PostgreSQL), a statement (PostgreSQL) or a locked file (SQLite): a
   * database that is down or stuck then fails the call instead of hanging it. Unset on PostgreSQL: no
   * limit (one-off CLI commands, whose migrations may wait on another process's lock).
   */
  readonly timeoutMs?: number;
}

/** `sqlite:<path>` (":memory:" allowed) or `postgres://…`. */
export function openStore(url: string, options: OpenOptions = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length), options);
  if (/^postgres(?:ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

function openSqlite(file: string, options: OpenOptions): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // WAL lets readers (HTTP polls) go on while a worker writes; a writer waits for a busy lock, not fails.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma(`busy_timeout = ${Math.round(options.timeoutMs ?? DEFAULT_SQLITE_BUSY_MS)}`);
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    db,
    dialect: 'sqlite',
    ...(file === ':memory:' ? {} : { file: path.resolve(file) }),
    connections: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: () => db.destroy(),
  };
}

/** Distinct SQL texts kept prepared; the service issues a few dozen, so this only bounds odd workloads. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew, and on SQLite preparing costs more than running a small query (a
 * profile of GET /api/v1/jobs/{id} under load spent 13% of its time in prepare). Statements are reused by
 * their SQL text, least recently used dropped first; one still iterating (busy) is never handed out twice.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sqlText: string) {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) {
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = database.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

function openPostgres(connectionString: string, options: OpenOptions): Store {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    ...(options.timeoutMs === undefined ? {} : postgresTimeouts(Math.round(options.timeoutMs))),
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // A connection the server drops (restart, failover, admin_shutdown, network) emits 'error': on the pool
  // while idle, on the client while checked out (Kysely listens to neither). Unheard, Node treats it as an
  // uncaught exception and the process exits. The failing query rejects anyway, and the pool discards the
  // dead client, so listening is all that is needed.
  pool.on('error', ignoreDroppedConnection);
  pool.on('connect', (client) => client.on('error', ignoreDroppedConnection));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const dedicatedClient = () =>
    new pg.Client({
      connectionString,
      // Such a session may sit idle for hours (LISTEN): keepalives notice a network that silently died.
      keepAlive: true,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
  return {
    db,
    dialect: 'postgres',
    dedicatedClient,
    connections: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

function ignoreDroppedConnection(): void {}

function postgresTimeouts(timeoutMs: number): pg.PoolConfig {
  return {
    // Bounds both opening a connection and waiting for a free one in the pool.
    connectionTimeoutMillis: timeoutMs,
    // The server cancels a slow statement; the client gives up a little later on a server that no longer
    // answers at all (a dead network), where the server-side timeout can never arrive.
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1_000,
  };
}
