import { Command } from 'commander';
import { registerDecisionsCommand } from './commands/decisions.ts';
import { registerEvalCommand } from './commands/eval.ts';
import { registerKeyCommand } from './commands/key.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOrgCommand } from './commands/org.ts';
import { registerScreenCommand } from './commands/screen.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommand } from './commands/user.ts';

/** The `aptly` command. Each subcommand lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('aptly')
    .description('Aptly Intelligence: self-hostable CV screening')
    .showHelpAfterError();
  registerScreenCommand(program);
  registerEvalCommand(program);
  registerOrgCommand(program);
  registerUserCommand(program);
  registerKeyCommand(program);
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDecisionsCommand(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
