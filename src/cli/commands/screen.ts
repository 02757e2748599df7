import { type Command, InvalidArgumentError, Option } from 'commander';
import type { FailedCandidate } from '../../domain/candidate-result.ts';
import { rankResults } from '../../domain/rank-results.ts';
import { formatOutcome, type OutputFormat } from '../screen/format.ts';
import type { CvToScore, ScreenOutcome } from '../screen/outcome.ts';
import { createProgress } from '../screen/progress.ts';
import { expandCvPaths, readCvDocument, readJobSpec, ScreenInputError } from '../screen/read-inputs.ts';
import { scoreEmbedded } from '../screen/score-embedded.ts';
import { ScreenServerError, scoreRemote } from '../screen/score-remote.ts';

/** Exit codes, documented in the README ("Quick start: screen CVs from the command line"). */
export const SCREEN_EXIT = Object.freeze({ allScored: 0, someNotScored: 1, usage: 2, server: 3 });

interface ScreenOptions {
  job: string;
  format: OutputFormat;
  asOf?: string;
  server?: string;
  apiKey?: string;
  timeout: number;
}

function parseServerUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new InvalidArgumentError('must be an http:// or https:// URL.');
  return value;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('must be a positive number of seconds.');
  return seconds;
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('Score CV files (or directories of them) against a job specification, here or on a server')
    .requiredOption('--job <file>', 'job specification (.txt, .md, .pdf or .docx)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--as-of <date>', 'date that "present" in CVs means (YYYY-MM-DD; default today; embedded only)')
    .option('--server <url>', 'submit to this Aptly server instead of scoring here', parseServerUrl)
    .addOption(new Option('--api-key <key>', 'API key for --server').env('APTLY_API_KEY'))
    .option('--timeout <seconds>', 'with --server: longest wait for the results', parseSeconds, 600)
    .argument('<cvs...>', 'CV files (.txt, .md, .pdf, .docx) or directories (searched recursively)')
    .addHelpText(
      'after',
      '\nExit codes: 0 every CV scored; 1 some files not scored (listed on stderr, and in table and CSV output);\n2 usage error; 3 the server could not be used (unreachable, key refused, quota, timeout).',
    )
    .action(async (cvPaths: string[], options: ScreenOptions, command: Command) => {
      if (options.server && !options.apiKey)
        command.error('error: --server needs --api-key (or APTLY_API_KEY)', { exitCode: SCREEN_EXIT.usage });
      // A key exported in the environment is harmless without --server; one typed on the command line is a mistake.
      if (options.apiKey && !options.server && command.getOptionValueSource('apiKey') === 'cli')
        command.error('error: --api-key needs --server', { exitCode: SCREEN_EXIT.usage });
      try {
        process.exitCode = await runScreen(cvPaths, options);
      } catch (error) {
        if (error instanceof ScreenInputError)
          command.error(`error: ${error.message}`, { exitCode: SCREEN_EXIT.usage });
        if (error instanceof ScreenServerError)
          command.error(`error: ${error.message}`, { exitCode: SCREEN_EXIT.server });
        throw error;
      }
    });
}

async function runScreen(cvPaths: string[], options: ScreenOptions): Promise<number> {
  const jobSpec = await readJobSpec(options.job);
  const { cvs: inputs, skipped } = await expandCvPaths(cvPaths);
  for (const file of skipped) process.stderr.write(`Skipped ${file}: not a .txt, .md, .pdf or .docx file\n`);
  if (inputs.length === 0) throw new ScreenInputError('no CV files found (.txt, .md, .pdf or .docx)');

  const readable: CvToScore[] = [];
  const unreadable: FailedCandidate[] = [];
  for (const input of inputs) {
    const document = await readCvDocument(input);
    if (document.ok) readable.push({ ref: document.ref, text: document.text });
    else unreadable.push({ candidate_ref: document.ref, error: `${document.path}: ${document.error}` });
  }
  const where = options.server ? ` on ${new URL(options.server).origin}` : '';
  process.stderr.write(
    `Scoring ${readable.length} CV${readable.length === 1 ? '' : 's'} against ${options.job}${where}…\n`,
  );
  if (options.server && options.asOf)
    process.stderr.write('Note: --as-of applies to embedded scoring only\n');

  const started = performance.now();
  const progress = createProgress();
  let scored: ScreenOutcome = { results: [], failed: [] };
  if (readable.length > 0) {
    scored = options.server
      ? await scoreRemote(
          jobSpec,
          readable,
          { server: options.server, apiKey: options.apiKey ?? '', timeoutMs: options.timeout * 1000 },
          progress,
        )
      : await scoreEmbedded(jobSpec, readable, options.asOf, progress);
  }
  const outcome = { results: rankResults(scored.results), failed: [...unreadable, ...scored.failed] };
  process.stdout.write(formatOutcome(outcome, options.format));
  for (const f of outcome.failed) process.stderr.write(`Could not score ${f.candidate_ref}: ${f.error}\n`);
  process.stderr.write(
    `Done: ${outcome.results.length} scored, ${outcome.failed.length} failed, in ${Math.round(performance.now() - started)} ms\n`,
  );
  return outcome.failed.length > 0 ? SCREEN_EXIT.someNotScored : SCREEN_EXIT.allScored;
}
