import { type Command, Option } from 'commander';
import { createOrganisation, type Organisation, updateOrganisation } from '../../accounts/index.ts';
import { parseCount, parseId, parseOnOff } from '../admin/arguments.ts';
import { type AdminIo, processIo, runAdminAction } from '../admin/run-admin-action.ts';

interface PlanOptions {
  committed?: number;
  hardCap?: number;
  apiAccess?: 'on' | 'off';
}

/** `aptly org create|update`: organisations and their plan (DESIGN.md §4). */
export function registerOrgCommand(program: Command, io: AdminIo = processIo): void {
  const org = program.command('org').description('Manage organisations (prints one JSON object)');
  withPlanOptions(
    org
      .command('create')
      .description(
        'Create an organisation (defaults: API access on, committed 1000, hard cap 1.5 × committed)',
      )
      .requiredOption('--name <name>', 'organisation name'),
  ).action(async (options: PlanOptions & { name: string }, command: Command) => {
    await runAdminAction(command, io, async (db, at) =>
      organisationJson(await createOrganisation(db, { name: options.name, ...planInput(options) }, at)),
    );
  });
  withPlanOptions(
    org
      .command('update')
      .description('Change an organisation: only the options given change')
      .argument('<id>', 'organisation id', parseId)
      .option('--name <name>', 'new name'),
  ).action(async (id: number, options: PlanOptions & { name?: string }, command: Command) => {
    await runAdminAction(command, io, async (db) =>
      organisationJson(await updateOrganisation(db, id, { name: options.name, ...planInput(options) })),
    );
  });
}

function withPlanOptions(command: Command): Command {
  return command
    .option('--committed <n>', 'CVs a month the organisation has committed to', parseCount)
    .option('--hard-cap <n>', 'CVs a month beyond which submissions are refused (429)', parseCount)
    .addOption(
      new Option('--api-access <state>', 'whether its API keys may call the API').choices(['on', 'off']),
    );
}

function planInput(options: PlanOptions) {
  return {
    committedScans: options.committed,
    hardCapScans: options.hardCap,
    apiAccessEnabled: options.apiAccess === undefined ? undefined : parseOnOff(options.apiAccess),
  };
}

/** The organisation as printed; its webhook secret stays out of terminals and logs. */
function organisationJson(org: Organisation) {
  return {
    id: org.id,
    name: org.name,
    api_access_enabled: org.apiAccessEnabled,
    committed_scans: org.committedScans,
    hard_cap_scans: org.hardCapScans,
    created_at: org.createdAt,
  };
}
