import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { AppError } from '../../domain/errors.ts';
import { now, type Timestamp } from '../../domain/time.ts';
import { openStore, type Store } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import type { Database } from '../../store/schema.ts';

/** Where admin commands read their configuration and write their result (tests pass their own). */
export interface AdminIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
}

export const processIo: AdminIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
};

/**
 * Runs one admin action on DATABASE_URL (migrated first, so the CLI works on a brand-new database) and
 * prints its result as one line of JSON. A refusal the operator can fix (unknown organisation, bad value,
 * duplicate email) is printed as `error: <detail>` with exit code 1; anything else propagates.
 */
export async function runAdminAction(
  command: Command,
  io: AdminIo,
  action: (db: Kysely<Database>, at: Timestamp) => Promise<object>,
): Promise<void> {
  const failure = await attempt(io, action);
  // A refusal is not a usage mistake: the subcommand's help would only bury the message.
  if (failure !== undefined) command.showHelpAfterError(false).error(`error: ${failure}`, { exitCode: 1 });
}

/**
 * DATABASE_URL's store, migrated first (so the CLI works on a brand-new database), or the configuration's
 * refusal for the operator. The caller closes the store.
 */
export async function openConfiguredStore(
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ readonly store: Store } | { readonly refusal: string }> {
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig(env).databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) return { refusal: error.message };
    throw error;
  }
  const store = openStore(databaseUrl);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return { store };
}

/** The refusal's message, if any; the store is closed before the command exits. */
async function attempt(
  io: AdminIo,
  action: (db: Kysely<Database>, at: Timestamp) => Promise<object>,
): Promise<string | undefined> {
  const opened = await openConfiguredStore(io.env);
  if ('refusal' in opened) return opened.refusal;
  const { store } = opened;
  try {
    io.stdout(`${JSON.stringify(await action(store.db, now()))}\n`);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.detail;
    throw error;
  } finally {
    await store.close();
  }
}
