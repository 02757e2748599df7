import type { Command } from 'commander';

export function registerEvalCommand(program: Command): void {
  program.command('eval').description('Evaluate scoring engines on a labelled dataset (in progress)');
}
