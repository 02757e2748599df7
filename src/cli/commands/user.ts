import type { Command } from 'commander';
import { createUser } from '../../accounts/index.ts';
import { parseId } from '../admin/arguments.ts';
import { type AdminIo, processIo, runAdminAction } from '../admin/run-admin-action.ts';

interface UserCreateOptions {
  org: number;
  email: string;
  password: string;
  verified?: boolean;
}

/** `aptly user create`: a dashboard user of an organisation (DESIGN.md §4). */
export function registerUserCommand(program: Command, io: AdminIo = processIo): void {
  const user = program.command('user').description('Manage dashboard users (prints one JSON object)');
  user
    .command('create')
    .description('Create a user; the password is stored only as a scrypt hash')
    .requiredOption('--org <id>', 'organisation id', parseId)
    .requiredOption('--email <email>', 'login email (case-insensitive)')
    .requiredOption('--password <password>', 'initial password, 8 characters or more')
    .option('--verified', 'mark the email address as verified (needed to manage API keys)')
    .action(async (options: UserCreateOptions, command: Command) => {
      await runAdminAction(command, io, async (db, at) => {
        const created = await createUser(
          db,
          {
            orgId: options.org,
            email: options.email,
            password: options.password,
            verified: options.verified,
          },
          at,
        );
        return {
          id: created.id,
          org_id: created.orgId,
          email: created.email,
          email_verified: created.emailVerified,
          created_at: created.createdAt,
        };
      });
    });
}
