import { once } from 'node:events';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DATE_BOUND_HINT, parseDateBound } from '../../domain/date-bound.ts';
import type { Timestamp } from '../../domain/time.ts';
import { listDecisions } from '../../store/decisions.repository.ts';
import { findOrganisation } from '../../store/organisations.repository.ts';
import { parseId } from '../admin/arguments.ts';
import { openConfiguredStore } from '../admin/run-admin-action.ts';
import { csvHeader, csvRow, type ExportFormat, jsonlRow } from '../decisions/export-format.ts';

/** Rows read per query: the export streams page by page, never holding the whole log in memory. */
const PAGE = 1_000;

interface ExportOptions {
  org: number;
  since?: Timestamp;
  until?: Timestamp;
  format: ExportFormat;
}

function parseBound(text: string): Timestamp {
  const at = parseDateBound(text);
  if (at === undefined) throw new InvalidArgumentError(`must be ${DATE_BOUND_HINT}.`);
  return at;
}

/** `aptly decisions export`: an organisation's decision log on stdout, for an auditor. */
export function registerDecisionsCommand(program: Command): void {
  const decisions = program.command('decisions').description('The decision log kept for audits');
  decisions
    .command('export')
    .description('Write an organisation’s decisions (no CV text, no job spec) to stdout, oldest first')
    .requiredOption('--org <id>', 'organisation id', parseId)
    .option('--since <date>', 'decided at or after (YYYY-MM-DD, or a date-time with a zone)', parseBound)
    .option('--until <date>', 'decided before (YYYY-MM-DD, or a date-time with a zone)', parseBound)
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .action(async (options: ExportOptions, command: Command) => {
      const failure = await exportDecisions(options);
      if (failure !== undefined)
        command.showHelpAfterError(false).error(`error: ${failure}`, { exitCode: 1 });
    });
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Streams the rows; returns a refusal for the operator (bad configuration, unknown organisation). */
async function exportDecisions(options: ExportOptions): Promise<string | undefined> {
  const opened = await openConfiguredStore(process.env);
  if ('refusal' in opened) return opened.refusal;
  const { store } = opened;
  try {
    if (!(await findOrganisation(store.db, options.org))) return `organisation ${options.org} not found`;
    if (options.format === 'csv') await write(csvHeader());
    let exported = 0;
    let afterId: number | undefined;
    for (;;) {
      const page = await listDecisions(store.db, {
        orgId: options.org,
        limit: PAGE,
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
        ...(afterId === undefined ? {} : { afterId }),
      });
      for (const decision of page)
        await write(options.format === 'csv' ? csvRow(decision) : jsonlRow(decision));
      exported += page.length;
      afterId = page.at(-1)?.id;
      if (page.length < PAGE) break;
    }
    process.stderr.write(
      `Exported ${exported} decision${exported === 1 ? '' : 's'} of organisation ${options.org}\n`,
    );
    return undefined;
  } finally {
    await store.close();
  }
}
