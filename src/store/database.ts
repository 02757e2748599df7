import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema every connection uses (tests give each file its own). */
  readonly searchPath?: string;
  readonly maxConnections?: number;
}

/** `sqlite:<path>` (":memory:" allowed) or `postgres://…`. */
export function openStore(url: string, options: OpenOptions = {}): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (/^postgres(?:ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // WAL lets readers (HTTP polls) go on while a worker writes; a writer waits for a busy lock, not fails.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    ...(file === ':memory:' ? {} : { file: path.resolve(file) }),
    close: () => db.destroy(),
  };
}

function openPostgres(connectionString: string, options: OpenOptions): Store {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const dedicatedClient = () =>
    new pg.Client({
      connectionString,
      // Such a session may sit idle for hours (LISTEN): keepalives notice a network that silently died.
      keepAlive: true,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
  return { db, dialect: 'postgres', dedicatedClient, close: () => db.destroy() };
}
