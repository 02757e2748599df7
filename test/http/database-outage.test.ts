import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE } from '../../src/http/errors.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import {
  checkPostgres,
  createTestDatabase,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/databases.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { buildTestApp, screenBody, seedTenant, type Tenant } from './support/test-app.ts';

/** Small, so a stalled database is given up on quickly; answers must come well within OUTAGE_BOUND_MS. */
const TIMEOUT_MS = 1_000;
const OUTAGE_BOUND_MS = 4_000;

/** The same database through another host and port (the proxy, or a closed port). */
function viaPort(port: number): string {
  const url = new URL(TEST_DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

interface Timed {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter: unknown;
  readonly ms: number;
}

describe('the API while PostgreSQL is unavailable', () => {
  let database: TestDatabase | undefined;
  let tenant: Tenant;
  let jobId: string;

  beforeAll(async () => {
    if (!(await checkPostgres())) return;
    database = await createTestDatabase('postgres');
    tenant = await seedTenant(database.store.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Every call an outage must answer with 503 `{detail}` (and /healthz still 200), each in bounded time. */
  async function expectUnavailable(app: FastifyInstance): Promise<void> {
    const apiKey = { 'x-api-key': tenant.apiKey };
    const calls = {
      screen: () =>
        app.inject({ method: 'POST', url: '/api/v1/screen', headers: apiKey, payload: screenBody(2) }),
      job: () => app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: apiKey }),
      keys: () =>
        app.inject({
          method: 'GET',
          url: '/api/v1/keys',
          headers: { authorization: `Bearer ${tenant.token}` },
        }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const answer = await timed(call);
      expect(answer, name).toMatchObject({
        status: 503,
        body: { detail: DATABASE_UNAVAILABLE },
        retryAfter: '5',
      });
      expect(answer.ms, name).toBeLessThan(OUTAGE_BOUND_MS);
    }
    const ready = await timed(() => app.inject({ method: 'GET', url: '/readyz' }));
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ detail: 'Database unreachable' });
    expect(ready.ms).toBeLessThan(OUTAGE_BOUND_MS);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    // Metrics still answer, in bounded time: the gauges read from the database report nothing this time.
    const started = performance.now();
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(performance.now() - started).toBeLessThan(OUTAGE_BOUND_MS);
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/^aptly_http_requests_total\{/m);
    expect(metrics.body).not.toMatch(/^aptly_jobs\{/m);
    expect(metrics.body).toMatch(/^aptly_db_pool_connections\{state="total"\} \d+$/m);
  }

  async function expectServing(app: FastifyInstance): Promise<void> {
    const apiKey = { 'x-api-key': tenant.apiKey };
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: apiKey,
      payload: screenBody(2),
    });
    expect(submitted.statusCode).toBe(200);
    jobId = submitted.json<{ job_id: string }>().job_id;
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: apiKey })).statusCode,
    ).toBe(200);
    const keys = await app.inject({
      method: 'GET',
      url: '/api/v1/keys',
      headers: { authorization: `Bearer ${tenant.token}` },
    });
    expect(keys.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  }

  describe('behind a proxy that is cut, stalled and restored', () => {
    let proxy: TcpProxy;
    let store: Store;
    let app: FastifyInstance;

    beforeAll(async () => {
      if (!database) return;
      proxy = await startTcpProxy({
        host: new URL(TEST_DATABASE_URL).hostname,
        port: Number(new URL(TEST_DATABASE_URL).port || 5432),
      });
      store = openStore(viaPort(proxy.port), {
        searchPath: database.searchPath,
        timeoutMs: TIMEOUT_MS,
        maxConnections: 4,
      });
      app = await buildTestApp(store);
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await proxy?.close();
    });

    it('answers 503 while the database refuses connections, and recovers by itself', async (ctx) => {
      if (!database) return ctx.skip();
      await expectServing(app);
      await proxy.cut();
      await expectUnavailable(app);
      await proxy.restore();
      await expectServing(app);
    });

    it('answers 503 within the timeout while the database accepts but never answers, and recovers', async (ctx) => {
      if (!database) return ctx.skip();
      await expectServing(app);
      await proxy.stall();
      await expectUnavailable(app);
      await proxy.restore();
      await expectServing(app);
    });
  });

  it('answers 503 when the database was never reachable (a closed port)', async (ctx) => {
    if (!database) return ctx.skip();
    jobId ??= '3f8a2b1c-d4e5-4f67-89ab-cdef01234567';
    const store = openStore(viaPort(1), { searchPath: database.searchPath, timeoutMs: TIMEOUT_MS });
    const app = await buildTestApp(store);
    try {
      await expectUnavailable(app);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

async function timed(
  call: () => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>,
): Promise<Timed> {
  const started = performance.now();
  const response = await call();
  const ms = performance.now() - started;
  return {
    status: response.statusCode,
    body: JSON.parse(response.body),
    retryAfter: response.headers['retry-after'],
    ms,
  };
}
