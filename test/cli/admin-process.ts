import { Command } from 'commander';
import { registerKeyCommand } from '../../src/cli/commands/key.ts';
import { registerOrgCommand } from '../../src/cli/commands/org.ts';
import { registerUserCommand } from '../../src/cli/commands/user.ts';

/**
 * The admin commands alone in a process of their own: tests race several of these on one database.
 * (src/cli/main.ts also loads the scoring engine, which would make each racer start slowly.)
 */
const program = new Command('aptly');
registerOrgCommand(program);
registerUserCommand(program);
registerKeyCommand(program);
await program.parseAsync(process.argv);
