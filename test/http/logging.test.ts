import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../src/http/logger.ts';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, seedTenant, TEST_PASSWORD, type Tenant } from './support/test-app.ts';

const CV_MARKER = 'Zanzibar-Quokka CV line that must never be logged';
const SPEC_MARKER = 'Marmalade-Ocelot job spec that must never be logged';

describeEachDialect('logs: structured, with request ids, never secrets or CV text', (database) => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line: string) => void lines.push(line) },
  });
  let tenant: Tenant;

  beforeAll(async () => {
    tenant = await seedTenant(database().store.db);
  });
  afterAll(() => {
    lines.length = 0;
  });

  it('a full session logs each request by id and leaks none of its secrets', async () => {
    let jobId = '';
    const app = await buildTestApp(database().store, { logger });
    const secrets: string[] = [CV_MARKER, SPEC_MARKER, tenant.apiKey, tenant.token, TEST_PASSWORD];
    const requestIds: string[] = [];
    try {
      const send = async (options: InjectOptions) => {
        const response = await app.inject(options);
        requestIds.push(String(response.headers['x-request-id']));
        return response;
      };
      const login = await send({
        method: 'POST',
        url: '/api/v1/auth/login?next=/keys',
        payload: { email: tenant.email, password: TEST_PASSWORD },
      });
      const token = login.json().access_token;
      secrets.push(token);
      const auth = { authorization: `Bearer ${token}` };
      const created = await send({
        method: 'POST',
        url: '/api/v1/keys',
        headers: auth,
        payload: { name: 'Logged?' },
      });
      secrets.push(created.json().key);
      const secret = await send({ method: 'GET', url: '/api/v1/webhooks/secret', headers: auth });
      secrets.push(secret.json().webhook_secret);
      await send({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': tenant.apiKey, cookie: 'session=cookie-secret-value' },
        payload: {
          job_spec: SPEC_MARKER,
          candidates: [{ candidate_ref: 'c1', cv_text: CV_MARKER }],
          webhook_url: 'https://hooks.example.com/aptly?token=webhook-url-secret',
        },
      });
      const accepted = await send({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': tenant.apiKey },
        payload: { job_spec: SPEC_MARKER, candidates: [{ candidate_ref: 'c1', cv_text: CV_MARKER }] },
      });
      expect(accepted.statusCode).toBe(200);
      jobId = accepted.json().job_id;
      await send({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': tenant.apiKey },
        payload: `{"cv_text": "${CV_MARKER}" oops`,
      });
      await send({
        method: 'GET',
        url: `/api/v1/jobs/${accepted.json().job_id}`,
        headers: { 'x-api-key': tenant.apiKey },
      });
    } finally {
      await app.close();
    }
    secrets.push('cookie-secret-value', 'webhook-url-secret');

    const text = lines.join('');
    for (const secret of secrets) expect(text, `log contains ${secret.slice(0, 12)}…`).not.toContain(secret);
    const entries = lines.map((line) => JSON.parse(line));
    for (const id of requestIds) {
      const forRequest = entries.filter((e) => e.reqId === id);
      // One line per request, written when it completes.
      expect(forRequest.filter((e) => e.msg === 'request completed')).toHaveLength(1);
    }
    // Where a job is handled, its id and organisation are logged: by id, never by content.
    const submitted = entries.find((e) => e.msg === 'job submitted' && e.job_id === jobId);
    expect(submitted).toMatchObject({ org_id: tenant.orgId, candidates: 1, reqId: expect.any(String) });
    const read = entries.find((e) => e.msg === 'request completed' && e.req.path === `/api/v1/jobs/${jobId}`);
    expect(read).toMatchObject({ job_id: jobId, org_id: tenant.orgId, res: { statusCode: 200 } });
    const login = entries.find((e) => e.msg === 'request completed' && e.req.path === '/api/v1/auth/login');
    expect(login.req).toEqual({ method: 'POST', path: '/api/v1/auth/login', remoteAddress: '127.0.0.1' });
    expect(login.responseTime).toEqual(expect.any(Number));
  });

  it('an unexpected error is logged with its request id; the client sees nothing of it', async () => {
    const store = database().openAnother();
    const app = await buildTestApp(store, { logger });
    try {
      await app.inject({ method: 'GET', url: '/readyz' });
      await store.close();
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/jobs/3f8a2b1c-d4e5-4f67-89ab-cdef01234567',
        headers: { 'x-api-key': tenant.apiKey },
      });
      expect(response.statusCode).toBe(500);
      const id = response.headers['x-request-id'];
      const logged = lines.map((line) => JSON.parse(line)).find((e) => e.reqId === id && e.level === 50);
      expect(logged?.msg).toBe('unexpected error');
      expect(logged?.err?.message).toBeTruthy();
      expect(response.body).not.toContain(logged?.err?.message);
    } finally {
      await app.close();
    }
  });
});
