import type { Command } from 'commander';
import { openStore } from '../../store/database.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { configOrExit } from './serve.ts';

/** `aptly migrate`: applies pending migrations to DATABASE_URL and says which. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations to DATABASE_URL (serve also applies them at start)')
    .action(async () => {
      const config = configOrExit();
      const store = openStore(config.databaseUrl);
      try {
        const applied = await migrateToLatest(store);
        process.stdout.write(
          applied.length === 0
            ? 'Database is up to date: no pending migrations.\n'
            : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
        );
      } catch (error) {
        process.stderr.write(
          `aptly: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
