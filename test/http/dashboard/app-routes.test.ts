import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../support/databases.ts';
import { buildTestApp } from '../support/test-app.ts';

/** The dashboard shares the server: it answers `/` and leaves every other route as it was. */
describeEachDialect('the app with the dashboard', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(database().store);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers / with the app, or with how to build it', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect([200, 503]).toContain(response.statusCode);
    if (response.statusCode === 200) expect(response.body).toContain('<div id="app">');
    else expect(response.body).toContain('npm run build:web');
  });

  it('keeps /healthz, /openapi.json, /docs and the JSON 404 and 405', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const openapi = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(openapi.json().paths).not.toHaveProperty('/');
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
    const missing = await app.inject({ method: 'GET', url: '/no-such-page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Not Found' });
    const wrongMethod = await app.inject({ method: 'POST', url: '/keys' });
    expect(wrongMethod.statusCode).toBe(405);
  });
});
