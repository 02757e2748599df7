import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { authenticateApiKey, login } from '../../src/accounts/index.ts';
import { registerKeyCommand } from '../../src/cli/commands/key.ts';
import { registerOrgCommand } from '../../src/cli/commands/org.ts';
import { registerUserCommand } from '../../src/cli/commands/user.ts';
import { createTestDatabase, describeEachDialect } from '../support/databases.ts';

interface Outcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the admin commands in this process, on the database at url, as `aptly ...args` would. */
async function aptly(url: string, ...args: string[]): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command('aptly')
    .exitOverride()
    .configureOutput({ writeOut: (t) => stdout.push(t), writeErr: (t) => stderr.push(t) });
  const io = { env: { DATABASE_URL: url }, stdout: (t: string) => stdout.push(t) };
  registerOrgCommand(program, io);
  registerUserCommand(program, io);
  registerKeyCommand(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { exitCode: 0, stdout: stdout.join(''), stderr: stderr.join('') };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { exitCode: error.exitCode, stdout: stdout.join(''), stderr: stderr.join('') };
  }
}

/** The one JSON object a successful command prints, on one line. */
function printed(outcome: Outcome): Record<string, unknown> {
  expect(outcome).toMatchObject({ exitCode: 0, stderr: '' });
  expect(outcome.stdout.endsWith('\n')).toBe(true);
  expect(outcome.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(outcome.stdout) as Record<string, unknown>;
}

const run = promisify(execFile);

/** Runs a CLI script in a child process (tsx) on the database at url, as an operator would. */
async function aptlyProcess(script: string, url: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', [script, ...args], {
      env: { ...process.env, DATABASE_URL: url },
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { exitCode: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('aptly (the real entry point)', () => {
  it('runs the admin commands: one JSON line on success, the error and exit code 1 on refusal', async () => {
    const database = await createTestDatabase('sqlite', false);
    try {
      const created = await aptlyProcess('src/cli/main.ts', database.url, 'org', 'create', '--name', 'Entry');
      expect(created.exitCode).toBe(0);
      expect(JSON.parse(created.stdout)).toMatchObject({ name: 'Entry', api_access_enabled: true });
      const refused = await aptlyProcess(
        'src/cli/main.ts',
        database.url,
        'key',
        'create',
        '--org',
        '999',
        '--name',
        'x',
      );
      expect(refused).toEqual({ exitCode: 1, stdout: '', stderr: 'error: Organisation 999 not found\n' });
    } finally {
      await database.drop();
    }
  });
});

describeEachDialect('admin CLI', (database) => {
  it('org create prints the organisation with the default plan', async () => {
    const org = printed(await aptly(database().url, 'org', 'create', '--name', 'Acme'));
    expect(org).toEqual({
      id: expect.any(Number),
      name: 'Acme',
      api_access_enabled: true,
      committed_scans: 1000,
      hard_cap_scans: 1500,
      created_at: expect.stringMatching(/Z$/),
    });
    expect(JSON.stringify(org)).not.toContain('whsec_');
  });

  it('org create and update take the plan options', async () => {
    const url = database().url;
    const created = printed(
      await aptly(
        url,
        'org',
        'create',
        '--name',
        'Beta',
        '--committed',
        '200',
        '--hard-cap',
        '250',
        '--api-access',
        'off',
      ),
    );
    expect(created).toMatchObject({ api_access_enabled: false, committed_scans: 200, hard_cap_scans: 250 });
    const updated = printed(
      await aptly(url, 'org', 'update', String(created.id), '--api-access', 'on', '--hard-cap', '400'),
    );
    expect(updated).toEqual({ ...created, api_access_enabled: true, hard_cap_scans: 400 });
  });

  it('user create stores a user who can log in, and key create prints a working key once', async () => {
    const url = database().url;
    const { db } = database().store;
    const org = printed(await aptly(url, 'org', 'create', '--name', 'Gamma'));
    const user = printed(
      await aptly(
        url,
        'user',
        'create',
        '--org',
        String(org.id),
        '--email',
        'Ops@Gamma.test',
        '--password',
        'long enough',
        '--verified',
      ),
    );
    expect(user).toEqual({
      id: expect.any(Number),
      org_id: org.id,
      email: 'ops@gamma.test',
      email_verified: true,
      created_at: expect.any(String),
    });
    await expect(
      login(db, 'cli-test-secret-long-enough-0000000', 60_000, 'ops@gamma.test', 'long enough'),
    ).resolves.toMatchObject({
      token_type: 'bearer',
    });
    const key = printed(await aptly(url, 'key', 'create', '--org', String(org.id), '--name', 'Production'));
    expect(key).toEqual({
      org_id: org.id,
      id: expect.any(Number),
      name: 'Production',
      key: expect.stringMatching(/^aptly_[A-Za-z0-9_-]{54}$/),
      key_prefix: expect.any(String),
      created_at: expect.any(String),
      warning: 'Store this key securely. It will not be shown again.',
    });
    await expect(authenticateApiKey(db, String(key.key))).resolves.toMatchObject({ orgId: org.id });
  });

  it('refuses an unknown organisation with a clear message and exit code 1, printing nothing', async () => {
    const url = database().url;
    for (const args of [
      ['org', 'update', '987654', '--name', 'x'],
      ['user', 'create', '--org', '987654', '--email', 'x@y.z', '--password', 'long enough'],
      ['key', 'create', '--org', '987654', '--name', 'x'],
    ]) {
      const outcome = await aptly(url, ...args);
      expect(outcome).toEqual({ exitCode: 1, stdout: '', stderr: 'error: Organisation 987654 not found\n' });
    }
  });

  it('refuses bad input before touching the database', async () => {
    const url = database().url;
    const cases: [string[], RegExp][] = [
      [['org', 'create'], /required option '--name <name>' not specified/],
      [['org', 'create', '--name', 'x', '--committed', '-5'], /'--committed <n>' argument '-5' is invalid/],
      [['org', 'create', '--name', 'x', '--hard-cap', '1e3'], /'--hard-cap <n>' argument '1e3' is invalid/],
      [['org', 'create', '--name', 'x', '--api-access', 'maybe'], /Allowed choices are on, off/],
      [['org', 'update', 'abc', '--name', 'x'], /value 'abc' is invalid for argument 'id'/],
      [
        ['key', 'create', '--org', '1', '--name', ' '],
        /'--name <name>' argument ' ' is invalid. must be 1 to 100/,
      ],
      [['key', 'create', '--org', '1', '--name', 'x'.repeat(101)], /must be 1 to 100 characters/],
      [
        ['user', 'create', '--org', '0', '--email', 'a@b.c', '--password', 'long enough'],
        /'--org <id>' argument '0'/,
      ],
    ];
    for (const [args, message] of cases) {
      const outcome = await aptly(url, ...args);
      expect(outcome.exitCode).toBe(1);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(message);
    }
  });

  it('refuses what the accounts rules refuse, with their message', async () => {
    const url = database().url;
    const org = printed(await aptly(url, 'org', 'create', '--name', 'Delta'));
    const id = String(org.id);
    const refusals: [string[], string][] = [
      [['org', 'update', id], 'error: Nothing to update\n'],
      [
        ['org', 'update', id, '--hard-cap', '10'],
        'error: Hard cap (10) must not be below committed scans (1000)\n',
      ],
      [
        ['user', 'create', '--org', id, '--email', 'nope', '--password', 'long enough'],
        'error: Invalid email address\n',
      ],
      [
        ['user', 'create', '--org', id, '--email', 'a@delta.test', '--password', 'short'],
        'error: Password must be 8 to 1024 characters\n',
      ],
    ];
    for (const [args, stderr] of refusals)
      expect(await aptly(url, ...args)).toEqual({ exitCode: 1, stdout: '', stderr });
    printed(
      await aptly(
        url,
        'user',
        'create',
        '--org',
        id,
        '--email',
        'twice@delta.test',
        '--password',
        'long enough',
      ),
    );
    expect(
      await aptly(
        url,
        'user',
        'create',
        '--org',
        id,
        '--email',
        'TWICE@delta.test',
        '--password',
        'long enough',
      ),
    ).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'error: A user with this email address already exists\n',
    });
  });

  it('refuses an invalid DATABASE_URL by naming it', async () => {
    const outcome = await aptly('mysql://localhost/aptly', 'org', 'create', '--name', 'x');
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toMatch(/DATABASE_URL: must start with sqlite: or postgres:\/\//);
  });

  it('creates at most 5 active keys when separate processes race for the last slot', async () => {
    const url = database().url;
    const org = printed(await aptly(url, 'org', 'create', '--name', 'Racers'));
    for (let i = 0; i < 4; i += 1)
      printed(await aptly(url, 'key', 'create', '--org', String(org.id), '--name', `Key ${i}`));
    const racer = (i: number) =>
      aptlyProcess(
        'test/cli/admin-process.ts',
        url,
        'key',
        'create',
        '--org',
        String(org.id),
        '--name',
        `Racer ${i}`,
      );
    const outcomes = await Promise.all([racer(0), racer(1), racer(2)]);
    const succeeded = outcomes.filter((o) => o.exitCode === 0);
    expect(succeeded).toHaveLength(1);
    expect(JSON.parse(succeeded[0]?.stdout ?? '')).toMatchObject({ org_id: org.id });
    const refusal =
      'error: Maximum 5 active API keys allowed. Revoke an existing key before creating a new one.\n';
    expect(outcomes.filter((o) => o.exitCode !== 0)).toEqual([
      { exitCode: 1, stdout: '', stderr: refusal },
      { exitCode: 1, stdout: '', stderr: refusal },
    ]);
    const active = await database()
      .store.db.selectFrom('api_keys')
      .select('id')
      .where('org_id', '=', Number(org.id))
      .where('revoked', '=', 0)
      .execute();
    expect(active).toHaveLength(5);
  });
});
