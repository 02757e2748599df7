import { type Command, Option } from 'commander';
import { type Config, ConfigError, loadConfig, type Role } from '../../config/config.ts';
import { createLogger } from '../../http/logger.ts';
import { startService } from '../../service/start-service.ts';
import { stopOnSignals } from '../../service/stop-on-signals.ts';

/** `aptly serve --role all|api|worker`: what `npm start` runs (DESIGN.md §4). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the service: HTTP API and/or worker, on DATABASE_URL (configured by environment variables)',
    )
    .addOption(
      new Option(
        '--role <role>',
        'all: API and worker; api: HTTP only; worker: scoring, housekeeping, webhooks',
      )
        .choices(['all', 'api', 'worker'])
        .default('all'),
    )
    .action(async (options: { role: Role }) => {
      const config = configOrExit();
      const logger = createLogger({ level: config.logLevel });
      try {
        const service = await startService({
          config,
          role: options.role,
          logger,
          print: (text) => process.stdout.write(text),
        });
        stopOnSignals(() => service.stop(), logger);
      } catch (error) {
        logger.fatal({ err: error }, 'could not start');
        process.stderr.write(
          `aptly: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      }
    });
}

/** The configuration, or a message naming every bad variable and exit code 1. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`aptly: ${error.message}\n`);
    process.exit(1);
  }
}
