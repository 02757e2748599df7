import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createApiKey, createOrganisation, createUser, login } from '../../../src/accounts/index.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { now, type Timestamp } from '../../../src/domain/time.ts';
import { buildApp } from '../../../src/http/app.ts';
import type { AppDeps } from '../../../src/http/deps.ts';
import type { Store } from '../../../src/store/database.ts';
import type { Database } from '../../../src/store/schema.ts';
import { checkResponseContract } from './response-contract.ts';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';
export const TEST_PASSWORD = 'correct horse battery staple';

/** The service's defaults, with webhooks allowed to reach this machine (tests run receivers locally). */
export const TEST_CONFIG = loadConfig({ APTLY_WEBHOOK_ALLOW_PRIVATE: '1' });

/**
 * An app over a test database, with the test configuration unless overridden. Every response it sends
 * is checked against its documented schema (response-contract.ts).
 */
export async function buildTestApp(store: Store, overrides: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    store,
    config: TEST_CONFIG,
    jwtSecret: TEST_JWT_SECRET,
    engineInfo: { name: 'local', version: 'test' },
    ...overrides,
  });
  checkResponseContract(app);
  return app;
}

/** A clock tests can move: the real time until set. */
export function movableClock(): { now: () => Timestamp; set(at: Timestamp | undefined): void } {
  let fixed: Timestamp | undefined;
  return {
    now: () => fixed ?? now(),
    set(at) {
      fixed = at;
    },
  };
}

export interface Tenant {
  readonly orgId: number;
  readonly apiKey: string;
  readonly keyId: number;
  readonly email: string;
  readonly token: string;
}

export interface TenantOptions {
  readonly apiAccessEnabled?: boolean;
  readonly hardCapScans?: number;
  readonly verified?: boolean;
}

/** An organisation with one API key and one user, logged in. */
export async function seedTenant(db: Kysely<Database>, options: TenantOptions = {}): Promise<Tenant> {
  const suffix = randomBytes(4).toString('hex');
  const at = now();
  const org = await createOrganisation(
    db,
    {
      name: `Org ${suffix}`,
      apiAccessEnabled: options.apiAccessEnabled ?? true,
      ...(options.hardCapScans === undefined
        ? {}
        : { hardCapScans: options.hardCapScans, committedScans: options.hardCapScans }),
    },
    at,
  );
  const key = await createApiKey(db, org.id, 'Test', at);
  const email = `user-${suffix}@example.com`;
  await createUser(
    db,
    { orgId: org.id, email, password: TEST_PASSWORD, verified: options.verified ?? true },
    at,
  );
  const { access_token } = await login(db, TEST_JWT_SECRET, 3_600_000, email, TEST_PASSWORD);
  return { orgId: org.id, apiKey: key.key, keyId: key.id, email, token: access_token };
}

/** The app and the tenant most route tests share: set before the tests run, read inside them. */
export interface AppWithTenant {
  readonly app: FastifyInstance;
  readonly tenant: Tenant;
}

/**
 * Registers the hooks that build a test app over the dialect's store (with `overrides`, as buildTestApp)
 * and seed one tenant before the enclosing describe's tests, and close the app after them.
 */
export function useAppWithTenant(
  database: () => { readonly store: Store },
  overrides: Partial<AppDeps> = {},
): AppWithTenant {
  const context: { app?: FastifyInstance; tenant?: Tenant } = {};
  beforeAll(async () => {
    context.app = await buildTestApp(database().store, overrides);
    context.tenant = await seedTenant(database().store.db);
  });
  afterAll(async () => {
    await context.app?.close();
  });
  return context as AppWithTenant;
}

/** A user without organisation, logged in. */
export async function seedOrphanUser(db: Kysely<Database>): Promise<string> {
  const email = `orphan-${randomBytes(4).toString('hex')}@example.com`;
  await createUser(db, { orgId: null, email, password: TEST_PASSWORD, verified: true }, now());
  return (await login(db, TEST_JWT_SECRET, 3_600_000, email, TEST_PASSWORD)).access_token;
}

/** A valid screening body with `count` candidates. */
export function screenBody(count = 2, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    job_spec:
      'Senior Python developer. Must have: 5+ years Python, FastAPI, PostgreSQL. Nice to have: AWS, Docker.',
    candidates: Array.from({ length: count }, (_, i) => ({
      candidate_ref: `cand-${i + 1}`,
      cv_text:
        i % 2 === 0
          ? '7 years Python, FastAPI and PostgreSQL in production; AWS and Docker.'
          : '3 years Node.js, some Python.',
    })),
    ...extra,
  };
}
