import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, screenBody, seedTenant, TEST_CONFIG, useAppWithTenant } from './support/test-app.ts';

describeEachDialect('the app as a whole', (database) => {
  const ctx = useAppWithTenant(database, { config: { ...TEST_CONFIG, rateLimitPerMinute: 5 } });

  describe('unknown routes and methods', () => {
    it('answers 404 {"detail":"Not Found"} for an unknown path', async () => {
      for (const url of ['/nope', '/api/v1/screen/extra', '/api/v2/screen']) {
        const response = await ctx.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({ detail: 'Not Found' });
      }
    });

    it('answers 405 {"detail":"Method Not Allowed"} with Allow for a known path', async () => {
      const screen = await ctx.app.inject({ method: 'GET', url: '/api/v1/screen' });
      expect(screen.statusCode).toBe(405);
      expect(screen.json()).toEqual({ detail: 'Method Not Allowed' });
      expect(screen.headers.allow).toBe('POST');
      const key = await ctx.app.inject({ method: 'PUT', url: '/api/v1/keys/3' });
      expect(key.statusCode).toBe(405);
      expect(key.headers.allow).toBe('DELETE');
      const keys = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/keys?x=1' });
      expect(keys.headers.allow?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    });

    it('answers 400 for a URL the router cannot decode', async () => {
      const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/jobs/%E0%A4%A' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ detail: 'Bad Request' });
      expect(response.headers['x-request-id']).toBeTruthy();
    });
  });

  describe('X-Request-Id', () => {
    it('is on every response, errors included', async () => {
      const responses = await Promise.all([
        ctx.app.inject({ method: 'GET', url: '/healthz' }),
        ctx.app.inject({ method: 'GET', url: '/nope' }),
        ctx.app.inject({ method: 'DELETE', url: '/api/v1/screen' }),
        ctx.app.inject({ method: 'POST', url: '/api/v1/screen', payload: screenBody() }),
        ctx.app.inject({
          method: 'POST',
          url: '/api/v1/screen',
          headers: { 'x-api-key': ctx.tenant.apiKey },
          payload: {},
        }),
        ctx.app.inject({ method: 'GET', url: '/docs' }),
        ctx.app.inject({ method: 'GET', url: '/metrics' }),
      ]);
      const ids = responses.map((r) => r.headers['x-request-id']);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('echoes a sane client id and replaces anything else', async () => {
      const sane = await ctx.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': 'client-req.42:a_b' },
      });
      expect(sane.headers['x-request-id']).toBe('client-req.42:a_b');
      for (const bad of ['has space', 'x'.repeat(129), 'new\u2028line', '<script>']) {
        const response = await ctx.app.inject({
          method: 'GET',
          url: '/healthz',
          headers: { 'x-request-id': bad },
        });
        expect(response.headers['x-request-id']).not.toBe(bad);
        expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('rate limit per API key', () => {
    it('answers 429 with Retry-After and a rate-limit detail, per key, across the API-key routes', async () => {
      const limited = await seedTenant(database().store.db);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/screen',
          headers: { 'x-api-key': limited.apiKey },
          payload: screenBody(1),
        });
        statuses.push(r.statusCode);
      }
      for (let i = 0; i < 2; i++) {
        const r = await ctx.app.inject({
          method: 'GET',
          url: '/api/v1/jobs/3f8a2b1c-d4e5-4f67-89ab-cdef01234567',
          headers: { 'x-api-key': limited.apiKey },
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 404, 404]);
      const refused = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': limited.apiKey },
        payload: screenBody(1),
      });
      expect(refused.statusCode).toBe(429);
      const seconds = Number(refused.headers['retry-after']);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(refused.json()).toEqual({
        detail: `Rate limit exceeded: 5 requests per minute per API key. Retry after ${seconds} seconds.`,
      });
      expect(refused.json()).not.toHaveProperty('current_usage');
      expect(refused.headers['x-request-id']).toBeTruthy();

      const other = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey },
        payload: screenBody(1),
      });
      expect(other.statusCode).toBe(200);
    });
  });

  describe('unexpected errors', () => {
    it('answer 500 with the reference’s detail and leak nothing', async () => {
      const store = database().openAnother();
      const broken = await buildTestApp(store);
      try {
        expect((await broken.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
        await store.close();
        const response = await broken.inject({
          method: 'GET',
          url: '/api/v1/jobs/3f8a2b1c-d4e5-4f67-89ab-cdef01234567',
          headers: { 'x-api-key': ctx.tenant.apiKey },
        });
        expect(response.statusCode).toBe(500);
        expect(response.body).toBe(
          '{"detail":"An unexpected error occurred on our side. If this persists, contact hello@aptly.pro."}',
        );
        expect(response.headers['x-request-id']).toBeTruthy();
      } finally {
        await broken.close();
      }
    });
  });
});
