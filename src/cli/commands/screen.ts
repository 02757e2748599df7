import { type Command, Option } from 'commander';
import {
  type CandidateResult,
  type FailedCandidate,
  toCandidateResult,
} from '../../domain/candidate-result.ts';
import { rankResults } from '../../domain/rank-results.ts';
import type { ScoringEngine } from '../../scoring/engine.ts';
import { createLocalEngine } from '../../scoring/local/engine.ts';
import { createScoringPool } from '../../scoring/pool.ts';
import { formatResults, type OutputFormat } from '../screen/format.ts';
import {
  type CvText,
  expandCvPaths,
  readCvText,
  readJobSpec,
  ScreenInputError,
} from '../screen/read-inputs.ts';

/** Batches above this size are worth the worker threads' start-up time. */
const POOL_THRESHOLD = 40;

interface ScreenOptions {
  job: string;
  format: OutputFormat;
  asOf?: string;
}

export function registerScreenCommand(program: Command): void {
  program
    .command('screen')
    .description('Score CV files (or directories of them) against a job specification, on this machine')
    .requiredOption('--job <file>', 'job specification (plain text)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--as-of <date>', 'date that "present" in CVs means (YYYY-MM-DD; default today)')
    .argument('<cvs...>', 'CV files (.txt, .md) or directories')
    .action(async (cvPaths: string[], options: ScreenOptions, command: Command) => {
      try {
        process.exitCode = await runScreen(cvPaths, options);
      } catch (error) {
        if (error instanceof ScreenInputError) command.error(`error: ${error.message}`, { exitCode: 2 });
        throw error;
      }
    });
}

async function runScreen(cvPaths: string[], options: ScreenOptions): Promise<number> {
  const jobSpec = await readJobSpec(options.job);
  const inputs = await expandCvPaths(cvPaths);
  const cvs: CvText[] = [];
  const failed: FailedCandidate[] = [];
  for (const input of inputs) {
    try {
      cvs.push(await readCvText(input));
    } catch (error) {
      failed.push({
        candidate_ref: input.ref,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  process.stderr.write(`Scoring ${cvs.length} CV${cvs.length === 1 ? '' : 's'} against ${options.job}…\n`);
  const started = performance.now();
  const engine: ScoringEngine = cvs.length > POOL_THRESHOLD ? createScoringPool() : createLocalEngine();
  try {
    if (!engine.scoreEach) throw new Error(`engine ${engine.name} cannot report per-candidate outcomes`);
    const outcomes = await engine.scoreEach(
      jobSpec,
      cvs.map((c) => c.text),
      options.asOf ? { asOf: options.asOf } : {},
    );
    const results: CandidateResult[] = [];
    outcomes.forEach((outcome, i) => {
      const candidate_ref = cvs[i]?.ref ?? String(i + 1);
      if (outcome.ok) results.push(toCandidateResult(candidate_ref, outcome.value));
      else failed.push({ candidate_ref, error: outcome.error });
    });
    process.stdout.write(formatResults(rankResults(results), options.format));
    for (const f of failed) process.stderr.write(`Could not score ${f.candidate_ref}: ${f.error}\n`);
    process.stderr.write(
      `Done: ${results.length} scored, ${failed.length} failed, in ${Math.round(performance.now() - started)} ms\n`,
    );
    return results.length === 0 && failed.length > 0 ? 1 : 0;
  } finally {
    await engine.close?.();
  }
}
