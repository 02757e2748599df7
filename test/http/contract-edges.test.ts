import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp, screenBody, seedTenant, TEST_CONFIG, useAppWithTenant } from './support/test-app.ts';

/** "Submit a screening job", the request example, verbatim. */
const REFERENCE_EXAMPLE = {
  job_spec:
    'Senior Python Developer with 5+ years of experience building production APIs. Must have: FastAPI or Django REST, PostgreSQL, experience with async Python. Nice to have: AWS, Docker, Redis.',
  candidates: [
    {
      candidate_ref: 'ats-candidate-8821',
      cv_text: 'Jane Smith. Software Engineer. 7 years Python experience...',
    },
    {
      candidate_ref: 'ats-candidate-9034',
      cv_text: 'Mark Chen. Backend Developer. 3 years Node.js, 1 year Python...',
    },
  ],
  webhook_url: 'https://yourapp.com/webhooks/aptly',
};

const MISSING = { detail: 'Missing API key. Send it in the X-API-Key header.' };

/**
 * Edges of api-reference.txt that a client written only from it relies on: the 401 answers for API-key
 * clients now that the screening routes also take a dashboard JWT, the 422 of a key creation without a
 * body, and paths with a trailing slash.
 */
describeEachDialect('contract edges', (database) => {
  const ctx = useAppWithTenant(database);
  let jobId: string;

  beforeAll(async () => {
    const submitted = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: { 'x-api-key': ctx.tenant.apiKey },
      payload: screenBody(1),
    });
    jobId = submitted.json().job_id;
  });

  const screen = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/screen', headers, payload: screenBody(1) });
  const job = (headers: Record<string, string>) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers });

  describe('401 for API-key clients on the routes that also take a JWT', () => {
    it('answers the missing-key 401 when X-API-Key is absent, whatever Authorization says', async () => {
      for (const authorization of [
        undefined,
        'Bearer not-a-jwt',
        `Bearer ${ctx.tenant.apiKey}`,
        'Basic dXNlcjpwYXNz',
        ctx.tenant.apiKey,
        '',
      ]) {
        const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
        for (const response of [await screen(headers), await job(headers)]) {
          expect(response.statusCode, String(authorization)).toBe(401);
          expect(response.json()).toEqual(MISSING);
          expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
          expect(response.headers['x-request-id']).toBeTruthy();
        }
      }
    });

    it('lets X-API-Key decide when both headers are sent', async () => {
      const jwt = { authorization: `Bearer ${ctx.tenant.token}` };
      const bad = await screen({ 'x-api-key': 'aptly_not-a-real-key', ...jwt });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toEqual({ detail: 'Invalid API key' });
      expect((await job({ 'x-api-key': '', ...jwt })).json()).toEqual(MISSING);
      expect(
        (await screen({ 'x-api-key': ctx.tenant.apiKey, authorization: 'Bearer junk' })).statusCode,
      ).toBe(200);
      expect((await job({ 'x-api-key': ctx.tenant.apiKey, authorization: 'Basic junk' })).statusCode).toBe(
        200,
      );
    });

    it('answers the revoked-key 401 for a revoked key, even with a valid JWT beside it', async () => {
      const other = await seedTenant(database().store.db);
      const revoked = await ctx.app.inject({
        method: 'DELETE',
        url: `/api/v1/keys/${other.keyId}`,
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(revoked.json()).toMatchObject({ id: other.keyId, revoked: true });
      const attempts: Record<string, string>[] = [
        { 'x-api-key': other.apiKey },
        { 'x-api-key': other.apiKey, authorization: `Bearer ${other.token}` },
      ];
      for (const headers of attempts) {
        for (const response of [await screen(headers), await job(headers)]) {
          expect(response.statusCode).toBe(401);
          expect(response.json()).toEqual({ detail: 'API key has been revoked' });
        }
      }
    });
  });

  it('names the name field in the 422 of a key creation sent without any body', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: { authorization: `Bearer ${ctx.tenant.token}` },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      detail: [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }],
    });
  });

  it('accepts the reference’s example request as written, webhook_url included, without private webhooks', async () => {
    const strict = await buildTestApp(database().store, {
      config: { ...TEST_CONFIG, webhook: { ...TEST_CONFIG.webhook, allowPrivate: false } },
    });
    try {
      const response = await strict.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey },
        payload: REFERENCE_EXAMPLE,
      });
      expect(response.statusCode).toBe(200);
      expect(Object.keys(response.json())).toEqual(['job_id', 'status', 'total_candidates', 'expires_at']);
      expect(response.json()).toMatchObject({ status: 'pending', total_candidates: 2 });
    } finally {
      await strict.close();
    }
  });

  it('reads JSON sent with a charset or other parameters on Content-Type', async () => {
    for (const type of [
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'Application/JSON',
    ]) {
      const submitted = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey, 'content-type': type },
        payload: JSON.stringify(screenBody(1)),
      });
      expect(submitted.statusCode, type).toBe(200);
      const malformed = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey, 'content-type': type },
        payload: '{"job_spec": ',
      });
      expect(malformed.statusCode).toBe(422);
      expect(malformed.json().detail[0].type).toBe('value_error.jsondecode');
    }
    const key = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: {
        authorization: `Bearer ${ctx.tenant.token}`,
        'content-type': 'application/json; charset=utf-8',
      },
      payload: JSON.stringify({ name: 'Charset' }),
    });
    expect(key.statusCode).toBe(200);
    expect(key.json().name).toBe('Charset');
  });

  it('reads a body sent without Content-Type as JSON (as FastAPI does), and refuses text/plain with 422', async () => {
    const send = (headers: Record<string, string>, payload: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey, ...headers },
        payload,
      });
    const bare = await send({}, JSON.stringify(screenBody(1)));
    expect(bare.statusCode).toBe(200);
    const malformed = await send({}, '{"job_spec"');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().detail[0].type).toBe('value_error.jsondecode');
    const text = await send({ 'content-type': 'text/plain' }, JSON.stringify(screenBody(1)));
    expect(text.statusCode).toBe(422);
    expect(text.json()).toEqual({
      detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }],
    });
  });

  describe('a trailing slash', () => {
    it('reaches the same route', async () => {
      const submitted = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen/',
        headers: { 'x-api-key': ctx.tenant.apiKey },
        payload: screenBody(1),
      });
      expect(submitted.statusCode).toBe(200);
      const read = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/jobs/${jobId}/`,
        headers: { 'x-api-key': ctx.tenant.apiKey },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().job_id).toBe(jobId);
      const keys = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/keys/',
        headers: { authorization: `Bearer ${ctx.tenant.token}` },
      });
      expect(keys.statusCode).toBe(200);
    });

    it('still answers 405 with Allow for another method, and 404 for an unknown path', async () => {
      const wrong = await ctx.app.inject({ method: 'GET', url: '/api/v1/screen/' });
      expect(wrong.statusCode).toBe(405);
      expect(wrong.headers.allow).toBe('POST');
      const unknown = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope/' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual({ detail: 'Not Found' });
    });
  });
});
