import type { Command } from 'commander';
import { createApiKey } from '../../accounts/index.ts';
import { parseId, parseKeyName } from '../admin/arguments.ts';
import { type AdminIo, processIo, runAdminAction } from '../admin/run-admin-action.ts';

/** `aptly key create`: an API key for an organisation, under the same 5-active-key limit as the API. */
export function registerKeyCommand(program: Command, io: AdminIo = processIo): void {
  const key = program.command('key').description('Manage API keys (prints one JSON object)');
  key
    .command('create')
    .description('Create an API key; the printed key is shown this once and never stored')
    .requiredOption('--org <id>', 'organisation id', parseId)
    .requiredOption('--name <name>', 'label, 1 to 100 characters', parseKeyName)
    .action(async (options: { org: number; name: string }, command: Command) => {
      await runAdminAction(command, io, async (db, at) => ({
        org_id: options.org,
        ...(await createApiKey(db, options.org, options.name, at)),
      }));
    });
}
