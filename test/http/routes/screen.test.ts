import { describe, expect, it } from 'vitest';
import { revokeKey } from '../../../src/accounts/index.ts';
import { now } from '../../../src/domain/time.ts';
import { describeEachDialect } from '../../support/databases.ts';
import { screenBody, seedTenant, type Tenant, useAppWithTenant } from '../support/test-app.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describeEachDialect('POST /api/v1/screen', (database) => {
  const ctx = useAppWithTenant(database);

  const submit = (payload: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: { 'x-api-key': ctx.tenant.apiKey, ...headers },
      ...(typeof payload === 'string' ? { payload } : { payload: payload as object }),
    });

  describe('happy path', () => {
    it('accepts a batch and answers the documented body', async () => {
      const response = await submit(screenBody(2, { webhook_url: null, unknown_field: 'ignored' }));
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(Object.keys(body)).toEqual(['job_id', 'status', 'total_candidates', 'expires_at']);
      expect(body.job_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.status).toBe('pending');
      expect(body.total_candidates).toBe(2);
      expect(body.expires_at).toMatch(TIMESTAMP);
      expect(response.headers['x-request-id']).toBeTruthy();
    });

    it('replays the original response for a repeated Idempotency-Key with the same body', async () => {
      const headers = { 'idempotency-key': `idem-${Math.random()}` };
      const first = await submit(screenBody(1), headers);
      // Same content, keys in another order: the canonical JSON is the same.
      const reordered = { candidates: screenBody(1).candidates, job_spec: screenBody(1).job_spec };
      const second = await submit(reordered, headers);
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      const different = await submit(screenBody(2), headers);
      expect(different.statusCode).toBe(422);
      expect(different.json().detail[0].loc).toEqual(['header', 'Idempotency-Key']);
    });
  });

  describe('authentication', () => {
    it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
      const missing = await ctx.app.inject({ method: 'POST', url: '/api/v1/screen', payload: screenBody() });
      expect(missing.statusCode).toBe(401);
      expect(missing.json()).toEqual({ detail: 'Missing API key. Send it in the X-API-Key header.' });
      const invalid = await submit(screenBody(), { 'x-api-key': `aptly_${'x'.repeat(54)}` });
      expect(invalid.statusCode).toBe(401);
      expect(invalid.json()).toEqual({ detail: 'Invalid API key' });

      const other = await seedTenant(database().store.db);
      await revokeKey(database().store.db, userOf(other), other.keyId, now());
      const revoked = await submit(screenBody(), { 'x-api-key': other.apiKey });
      expect(revoked.statusCode).toBe(401);
      expect(revoked.json()).toEqual({ detail: 'API key has been revoked' });
    });

    it('answers 403 when the organisation has API access off', async () => {
      const off = await seedTenant(database().store.db, { apiAccessEnabled: false });
      const response = await submit(screenBody(), { 'x-api-key': off.apiKey });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        detail: 'API access is not enabled for your organisation. Contact hello@aptly.pro to get started.',
      });
    });

    it('checks the key before the body: no validation details for strangers', async () => {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'content-type': 'application/json' },
        payload: '{not json',
      });
      expect(response.statusCode).toBe(401);
    });
  });

  describe('422: pydantic-style validation errors', () => {
    it('malformed JSON: one entry with the position', async () => {
      const response = await submit('{"job_spec": }', { 'content-type': 'application/json' });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({
        detail: [
          {
            loc: ['body', 13],
            msg: 'Expecting value: line 1 column 14 (char 13)',
            type: 'value_error.jsondecode',
          },
        ],
      });
    });

    it('missing fields, nested: field required with the full loc', async () => {
      const response = await submit({
        job_spec: 'x',
        candidates: [{ candidate_ref: 'a' }, { cv_text: 'b' }],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toEqual([
        { loc: ['body', 'candidates', 0, 'cv_text'], msg: 'field required', type: 'value_error.missing' },
        {
          loc: ['body', 'candidates', 1, 'candidate_ref'],
          msg: 'field required',
          type: 'value_error.missing',
        },
      ]);
    });

    it('wrong types: one entry per failing field', async () => {
      const response = await submit({ job_spec: 42, candidates: { a: 1 }, webhook_url: 7 });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toEqual([
        { loc: ['body', 'job_spec'], msg: 'str type expected', type: 'type_error.str' },
        { loc: ['body', 'candidates'], msg: 'value is not a valid list', type: 'type_error.list' },
        { loc: ['body', 'webhook_url'], msg: 'str type expected', type: 'type_error.str' },
      ]);
      const items = await submit({
        job_spec: 'x',
        candidates: ['text', { candidate_ref: 1, cv_text: null }],
      });
      expect(items.json().detail).toEqual([
        { loc: ['body', 'candidates', 0], msg: 'value is not a valid dict', type: 'type_error.dict' },
        { loc: ['body', 'candidates', 1, 'candidate_ref'], msg: 'str type expected', type: 'type_error.str' },
        {
          loc: ['body', 'candidates', 1, 'cv_text'],
          msg: 'none is not an allowed value',
          type: 'type_error.none.not_allowed',
        },
      ]);
    });

    it('a body that is not an object, or none at all: loc ["body"]', async () => {
      const list = await submit([1, 2]);
      expect(list.statusCode).toBe(422);
      expect(list.json().detail).toEqual([
        { loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' },
      ]);
      const empty = await submit('', { 'content-type': 'application/json' });
      expect(empty.json().detail).toEqual([
        { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
      ]);
      const none = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey },
      });
      expect(none.statusCode).toBe(422);
      expect(none.json().detail).toEqual([
        { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
      ]);
    });

    it('another content type: 422, not 415', async () => {
      const response = await submit(JSON.stringify(screenBody()), { 'content-type': 'text/plain' });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toEqual([
        { loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' },
      ]);
    });
  });

  describe('400: semantic rules from the jobs service', () => {
    it('duplicate candidate_ref', async () => {
      const body = screenBody(2);
      const candidates = body.candidates as { candidate_ref: string }[];
      for (const c of candidates) c.candidate_ref = 'same';
      const response = await submit(body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        detail:
          'Duplicate candidate_ref values found, all candidate_ref values must be unique within a request',
      });
    });

    it('empty job_spec and no candidates', async () => {
      expect((await submit({ job_spec: '  ', candidates: screenBody(1).candidates })).statusCode).toBe(400);
      expect((await submit({ job_spec: 'x', candidates: [] })).statusCode).toBe(400);
    });
  });

  describe('limits', () => {
    it('accepts 200 CVs of 10,000+ characters, refuses over 25 MB with 413', async () => {
      const cv = 'Python developer with FastAPI. '.repeat(400);
      const big = {
        job_spec: 'Python developer',
        candidates: Array.from({ length: 200 }, (_, i) => ({ candidate_ref: `c${i}`, cv_text: cv })),
      };
      const accepted = await submit(big);
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().total_candidates).toBe(200);

      const tooLarge = await submit(
        `{"job_spec":"x","candidates":[{"candidate_ref":"a","cv_text":"${'a'.repeat(26 * 1024 * 1024)}"}]}`,
        { 'content-type': 'application/json' },
      );
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toEqual({ detail: 'Request body too large' });
      expect(tooLarge.headers['x-request-id']).toBeTruthy();
    });

    it('answers 429 with the documented quota body when the hard cap would be exceeded', async () => {
      const small = await seedTenant(database().store.db, { hardCapScans: 3 });
      const first = await submit(screenBody(2), { 'x-api-key': small.apiKey });
      expect(first.statusCode).toBe(200);
      const refused = await submit(screenBody(2), { 'x-api-key': small.apiKey });
      expect(refused.statusCode).toBe(429);
      const body = refused.json();
      expect(body).toEqual({
        detail:
          'Monthly API quota would be exceeded. Used 2 of 3 CVs this month; this request of 2 CVs would push you over the limit. Please contact hello@aptly.pro to increase your limit.',
        current_usage: 2,
        hard_cap: 3,
        requested_count: 2,
        billing_month: now().slice(0, 7),
      });
      expect(refused.headers['retry-after']).toBeUndefined();
    });
  });

  describe('no 5xx for any client input', () => {
    const garbage: [string, string][] = [
      ['application/json', '{"job_spec": "x", "candidates": [{"candidate_ref": "a", "cv_text": "b"}'],
      ['application/json', '1e999999'],
      ['application/json', '{"job_spec": 1e400, "candidates": 123456789012345678901234567890}'],
      ['application/json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
      ['application/json', `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`],
      ['application/json', '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'],
      ['application/json', 'null'],
      ['application/json', '"just a string"'],
      ['application/json; charset=latin1', '{"job_spec": "caf\u00e9"}'],
      ['application/x-www-form-urlencoded', 'job_spec=x&candidates=y'],
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="job_spec"\r\n\r\nx\r\n--xyz--\r\n',
      ],
      ['multipart/form-data', 'no boundary at all'],
      ['application/octet-stream', '\u0000\u0001\u0002'],
      ['application/json', '{"job_spec": "\\ud800", "candidates": []}'],
    ];
    it.each(garbage)('%s %#', async (contentType, payload) => {
      const response = await submit(payload, { 'content-type': contentType });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(typeof response.json().detail).not.toBe('undefined');
    });

    it('invalid UTF-8 bytes', async () => {
      const payload = Buffer.concat([
        Buffer.from('{"job_spec": "'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]);
      const response = await submit(payload.toString('latin1'), { 'content-type': 'application/json' });
      expect(response.statusCode).toBe(422);
      const raw = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey, 'content-type': 'application/json' },
        payload,
      });
      expect(raw.statusCode).toBe(422);
    });
  });
});

function userOf(tenant: Tenant) {
  return { kind: 'user' as const, userId: 0, orgId: tenant.orgId, email: tenant.email, emailVerified: true };
}
