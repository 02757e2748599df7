import type { Command } from 'commander';

export function registerScreenCommand(program: Command): void {
  program.command('screen').description('Score CV files against a job specification (in progress)');
}
