import type { Command } from 'commander';
import { ADAPTER_NAMES, loadDataset } from '../../../eval/adapters/registry.ts';
import { DEFAULT_ENGINE_NAMES, ENGINE_NAMES, parseEngineList } from '../../../eval/engines.ts';
import { DatasetError, isIsoDate } from '../../../eval/files.ts';
import { checkEvalLlmConfig } from '../../../eval/llm-engine.ts';
import { renderReport, reportToJson } from '../../../eval/report.ts';
import type { EvalReport } from '../../../eval/report-types.ts';
import { runEvaluation } from '../../../eval/run.ts';

export interface EvalCommandOptions {
  dataset: string;
  engine?: string;
  adapter?: string;
  asOf?: string;
  json?: boolean;
}

export interface EvalCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** An error the user can fix (bad option, broken dataset): printed without a stack trace. */
export class EvalUsageError extends Error {
  override name = 'EvalUsageError';
}

export async function runEvalCommand(
  options: EvalCommandOptions,
  io: EvalCommandIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
): Promise<EvalReport> {
  let engines: ReturnType<typeof parseEngineList>;
  try {
    engines = parseEngineList(options.engine ?? DEFAULT_ENGINE_NAMES.join(','));
  } catch (error) {
    throw new EvalUsageError(error instanceof Error ? error.message : String(error));
  }
  if (engines.includes('llm')) {
    try {
      checkEvalLlmConfig();
    } catch (error) {
      throw new EvalUsageError(error instanceof Error ? error.message : String(error));
    }
  }
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new EvalUsageError(`--as-of "${options.asOf}" is not a date written YYYY-MM-DD`);
  }
  const dataset = await loadDataset(options.dataset, options.adapter).catch((error: unknown) => {
    throw error instanceof DatasetError ? new EvalUsageError(error.message) : error;
  });
  const [asOf, asOfSource]: [string, EvalReport['asOfSource']] =
    options.asOf !== undefined
      ? [options.asOf, 'option']
      : dataset.asOf !== undefined
        ? [dataset.asOf, 'meta.json']
        : [new Date().toISOString().slice(0, 10), 'today'];
  io.stderr(
    `aptly eval: ${dataset.name} (${dataset.adapter}), engines ${engines.join(', ')}, as of ${asOf}\n`,
  );
  const report = await runEvaluation(dataset, {
    engines,
    asOf,
    asOfSource,
    progress: (line) => io.stderr(`  ${line}\n`),
  });
  io.stdout(options.json ? reportToJson(report) : renderReport(report));
  return report;
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('Evaluate scoring engines on a labelled dataset, engines side by side (see eval/README.md)')
    .requiredOption('--dataset <dir>', 'dataset directory (generic layout or a supported public set)')
    .option('--engine <names>', `comma list of engines: ${ENGINE_NAMES.join(', ')} (default: all but llm)`)
    .option('--adapter <name>', `dataset format, auto-detected by default: ${ADAPTER_NAMES.join(', ')}`)
    .option(
      '--as-of <date>',
      'YYYY-MM-DD that "present" in a CV resolves to (default: meta.json, else today UTC)',
    )
    .option('--json', 'print one JSON object instead of the table')
    .action(async (options: EvalCommandOptions, command: Command) => {
      try {
        await runEvalCommand(options);
      } catch (error) {
        if (error instanceof EvalUsageError) command.error(`error: ${error.message}`, { exitCode: 2 });
        throw error;
      }
    });
}
