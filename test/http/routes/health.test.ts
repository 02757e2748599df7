import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/store/migrations/index.ts';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../support/databases.ts';
import { buildTestApp } from '../support/test-app.ts';

describeEachDialect('health and readiness', (database) => {
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    for (const extra of opened.splice(0)) await extra.drop().catch(() => {});
  });

  it('/healthz answers while the process is up; /readyz when the database is reachable and migrated', async () => {
    const app = await buildTestApp(database().store);
    try {
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    } finally {
      await app.close();
    }
  });

  it('/readyz answers 503 while migrations are pending', async () => {
    const fresh = await createTestDatabase(database().dialect, false);
    opened.push(fresh);
    const app = await buildTestApp(fresh.store);
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        detail: `Database migrations pending: ${Object.keys(MIGRATIONS).join(', ')}`,
      });
    } finally {
      await app.close();
    }
  });

  it('/readyz answers 503 once the database is gone; /healthz still answers', async () => {
    const store = database().openAnother();
    const app = await buildTestApp(store);
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await store.close();
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ detail: 'Database unreachable' });
      expect(response.headers['x-request-id']).toBeTruthy();
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
