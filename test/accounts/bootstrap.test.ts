import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  authenticateApiKey,
  authenticateUser,
  type BootstrapResult,
  bootstrapIfEmpty,
  createOrganisation,
  listKeys,
  login,
} from '../../src/accounts/index.ts';
import { now } from '../../src/domain/time.ts';
import { checkPostgres, createTestDatabase, DIALECTS, describeEachDialect } from '../support/databases.ts';

const run = promisify(execFile);
const SECRET = 'bootstrap-test-secret-long-enough-000';

describeEachDialect('bootstrapIfEmpty', (database) => {
  let result: BootstrapResult | undefined;

  it('creates the default organisation, a verified admin and one key on an empty database', async () => {
    const { db } = database().store;
    result = await bootstrapIfEmpty(db, now());
    expect(result).toEqual({
      organisationId: expect.any(Number),
      email: 'admin@localhost',
      password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      apiKey: expect.stringMatching(/^aptly_[A-Za-z0-9_-]{54}$/),
    });
    const org = await db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      name: 'Default',
      api_access_enabled: 1,
      committed_scans: 1000,
      hard_cap_scans: 1500,
    });
    expect(org.webhook_secret).toMatch(/^whsec_/);
  });

  it('gives credentials that work: the key calls the API, the admin logs in and sees the key', async () => {
    const { db } = database().store;
    if (!result) throw new Error('the previous test did not bootstrap');
    await expect(authenticateApiKey(db, result.apiKey)).resolves.toMatchObject({
      orgId: result.organisationId,
    });
    const token = await login(db, SECRET, 60_000, result.email, result.password);
    const admin = await authenticateUser(db, SECRET, `Bearer ${token.access_token}`);
    expect(admin).toMatchObject({ orgId: result.organisationId, emailVerified: true });
    const listing = await listKeys(db, admin, now());
    expect(listing.keys.map((k) => [k.name, k.key_prefix])).toEqual([
      ['Default', result.apiKey.slice(0, 20)],
    ]);
  });

  it('stores the password and key only as hash and digest', async () => {
    const { db } = database().store;
    if (!result) throw new Error('the previous test did not bootstrap');
    const everything = JSON.stringify([
      await db.selectFrom('users').selectAll().execute(),
      await db.selectFrom('api_keys').selectAll().execute(),
      await db.selectFrom('settings').selectAll().execute(),
    ]);
    expect(everything).not.toContain(result.password);
    expect(everything).not.toContain(result.apiKey);
  });

  it('does nothing the second time', async () => {
    expect(await bootstrapIfEmpty(database().store.db, now())).toBeUndefined();
    expect(await database().store.db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
  });
});

describeEachDialect('bootstrapIfEmpty on a database that has an organisation', (database) => {
  it('does nothing', async () => {
    const { db } = database().store;
    await createOrganisation(db, { name: 'Made by the CLI' }, now());
    expect(await bootstrapIfEmpty(db, now())).toBeUndefined();
    expect(await db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('api_keys').select('id').execute()).toEqual([]);
  });
});

describe('bootstrapIfEmpty in processes starting together', () => {
  for (const dialect of DIALECTS) {
    it(`[${dialect}] bootstraps exactly once`, async (ctx) => {
      if (dialect === 'postgres' && !(await checkPostgres())) ctx.skip();
      const database = await createTestDatabase(dialect);
      try {
        const start = () =>
          run('node_modules/.bin/tsx', ['test/accounts/bootstrap-process.ts'], {
            env: { ...process.env, DATABASE_URL: database.url },
          });
        const outputs = await Promise.all([start(), start()]);
        const results = outputs.map((o) => JSON.parse(o.stdout) as BootstrapResult | null);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const { db } = database.store;
        expect(await db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
        expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
        expect(await db.selectFrom('api_keys').select('id').execute()).toHaveLength(1);
      } finally {
        await database.drop();
      }
    });
  }
});
