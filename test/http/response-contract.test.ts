import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { contractCheckedFetch } from '../support/contract-fetch.ts';
import { describeEachDialect } from '../support/databases.ts';
import { checkResponseContract } from './support/response-contract.ts';
import { TEST_CONFIG, TEST_JWT_SECRET } from './support/test-app.ts';

/** The checker every HTTP test app carries (buildTestApp) catches what it is there to catch. */
describeEachDialect('the OpenAPI response contract check', (database) => {
  let app: FastifyInstance;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await buildApp({
      store: database().store,
      config: TEST_CONFIG,
      jwtSecret: TEST_JWT_SECRET,
      engineInfo: { name: 'local', version: 'test' },
    });
    // Registered before the checker, so the checker sees what this hook makes of the response.
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url === '/healthz?tamper=body') return JSON.stringify({ status: 'broken' });
      if (request.url === '/healthz?tamper=status') reply.code(418);
      return payload;
    });
    checkResponseContract(app, (problem) => problems.push(problem));
  });
  afterAll(async () => {
    await app.close();
  });

  it('passes documented responses, and reports a body off its schema and an undocumented status', async () => {
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/api/v1/jobs/0b8f1e6e-0000-4000-8000-000000000000' });
    expect(problems).toEqual([]);

    await app.inject({ method: 'GET', url: '/healthz?tamper=body' });
    await app.inject({ method: 'GET', url: '/healthz?tamper=status' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^GET \/healthz → 200: .*must be equal to one of the allowed values/);
    expect(problems[1]).toBe('GET /healthz → 418: status not documented');
  });

  it("the fetch wrapper for live servers reports the same, from the server's own /openapi.json", async () => {
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const fetched: string[] = [];
    const checkedFetch = contractCheckedFetch(baseUrl, (problem) => fetched.push(problem));
    expect((await checkedFetch(`${baseUrl}/api/v1/jobs/0b8f1e6e-0000-4000-8000-000000000000`)).status).toBe(
      401,
    );
    expect(await (await checkedFetch(`${baseUrl}/healthz?tamper=body`)).json()).toEqual({ status: 'broken' });
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/^GET \/healthz → 200: /);
  });
});
