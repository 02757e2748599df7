import { describe, expect, it } from 'vitest';
import { issueAccessToken } from '../../../src/accounts/jwt.ts';
import { describeEachDialect } from '../../support/databases.ts';
import {
  screenBody,
  seedOrphanUser,
  seedTenant,
  TEST_JWT_SECRET,
  useAppWithTenant,
} from '../support/test-app.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function multipart(fields: Record<string, string>): { payload: string; contentType: string } {
  const boundary = 'aptly-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeEachDialect('API key management (JWT)', (database) => {
  const ctx = useAppWithTenant(database);

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const createKey = (token: string, payload: string | object, contentType?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/keys',
      headers: { ...bearer(token), ...(contentType ? { 'content-type': contentType } : {}) },
      payload,
    });

  describe('GET /api/v1/keys', () => {
    it('lists the organisation’s plan, usage and keys as documented', async () => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/keys',
        headers: bearer(ctx.tenant.token),
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(Object.keys(body)).toEqual([
        'api_access_enabled',
        'org_api_cvs_this_month',
        'committed_scans',
        'hard_cap_scans',
        'keys',
      ]);
      expect(body.api_access_enabled).toBe(true);
      expect(body.keys).toHaveLength(1);
      const [key] = body.keys;
      expect(Object.keys(key)).toEqual([
        'id',
        'name',
        'key_prefix',
        'revoked',
        'created_at',
        'last_used_at',
        'monthly_cv_count',
        'billing_month',
      ]);
      expect(key).toMatchObject({
        id: ctx.tenant.keyId,
        name: 'Test',
        revoked: false,
        key_prefix: ctx.tenant.apiKey.slice(0, 20),
      });
      expect(key.created_at).toMatch(TIMESTAMP);
      expect(key.billing_month).toMatch(/^\d{4}-\d{2}$/);
    });
  });

  describe('POST /api/v1/keys', () => {
    it('creates keys from urlencoded form data, multipart form data and JSON; the key is shown once', async () => {
      const fresh = await seedTenant(database().store.db);
      const form = await createKey(fresh.token, 'name=Production', 'application/x-www-form-urlencoded');
      const { payload, contentType } = multipart({ name: 'Staging' });
      const multi = await createKey(fresh.token, payload, contentType);
      const json = await createKey(fresh.token, { name: 'Integration test' });
      for (const [response, name] of [
        [form, 'Production'],
        [multi, 'Staging'],
        [json, 'Integration test'],
      ] as const) {
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(Object.keys(body)).toEqual(['id', 'name', 'key', 'key_prefix', 'created_at', 'warning']);
        expect(body.name).toBe(name);
        expect(body.key).toMatch(/^aptly_[A-Za-z0-9_-]{54}$/);
        expect(body.key_prefix).toBe(body.key.slice(0, 20));
        expect(body.warning).toBe('Store this key securely. It will not be shown again.');
      }
      const screen = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': json.json().key },
        payload: screenBody(1),
      });
      expect(screen.statusCode).toBe(200);
    });

    it('answers 422 for a missing, empty or over-long name', async () => {
      const missing = await createKey(ctx.tenant.token, 'other=1', 'application/x-www-form-urlencoded');
      expect(missing.statusCode).toBe(422);
      expect(missing.json()).toEqual({
        detail: [{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }],
      });
      const empty = await createKey(ctx.tenant.token, 'name=', 'application/x-www-form-urlencoded');
      expect(empty.json().detail).toEqual([
        {
          loc: ['body', 'name'],
          msg: 'ensure this value has at least 1 characters',
          type: 'value_error.any_str.min_length',
        },
      ]);
      const long = await createKey(ctx.tenant.token, { name: 'x'.repeat(101) });
      expect(long.json().detail).toEqual([
        {
          loc: ['body', 'name'],
          msg: 'ensure this value has at most 100 characters',
          type: 'value_error.any_str.max_length',
        },
      ]);
      expect((await createKey(ctx.tenant.token, { name: 'x'.repeat(100) })).statusCode).toBe(200);
      const none = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: bearer(ctx.tenant.token),
      });
      expect(none.statusCode).toBe(422);
    });

    it('refuses a sixth active key with 400, and allows one again after a revocation', async () => {
      const full = await seedTenant(database().store.db);
      const ids: number[] = [full.keyId];
      for (let i = 2; i <= 5; i++) ids.push((await createKey(full.token, { name: `Key ${i}` })).json().id);
      const sixth = await createKey(full.token, { name: 'Key 6' });
      expect(sixth.statusCode).toBe(400);
      expect(sixth.json()).toEqual({
        detail: 'Maximum 5 active API keys allowed. Revoke an existing key before creating a new one.',
      });
      await ctx.app.inject({ method: 'DELETE', url: `/api/v1/keys/${ids[1]}`, headers: bearer(full.token) });
      expect((await createKey(full.token, { name: 'Key 6' })).statusCode).toBe(200);
    });

    it('answers 403 when the organisation has API access off', async () => {
      const off = await seedTenant(database().store.db, { apiAccessEnabled: false });
      const response = await createKey(off.token, { name: 'Nope' });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        detail: 'API access is not enabled for your organisation. Contact hello@aptly.pro to get started.',
      });
    });
  });

  describe('DELETE /api/v1/keys/{key_id}', () => {
    it('revokes at once: the listing object comes back revoked and the key answers 401', async () => {
      const owner = await seedTenant(database().store.db);
      const response = await ctx.app.inject({
        method: 'DELETE',
        url: `/api/v1/keys/${owner.keyId}`,
        headers: bearer(owner.token),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: owner.keyId, revoked: true });
      const screen = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': owner.apiKey },
        payload: screenBody(1),
      });
      expect(screen.statusCode).toBe(401);
      expect(screen.json()).toEqual({ detail: 'API key has been revoked' });
    });

    it('answers 404 for another organisation’s key and for a missing one', async () => {
      const other = await seedTenant(database().store.db);
      for (const id of [other.keyId, 987_654]) {
        const response = await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/keys/${id}`,
          headers: bearer(ctx.tenant.token),
        });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({ detail: 'API key not found' });
      }
      const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/keys', headers: bearer(other.token) });
      expect(list.json().keys[0].revoked).toBe(false);
    });

    it('answers 422 for a key_id that is not an integer or is out of range', async () => {
      for (const id of ['abc', '1.5', '1e3']) {
        const response = await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/keys/${id}`,
          headers: bearer(ctx.tenant.token),
        });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toEqual({
          detail: [
            { loc: ['path', 'key_id'], msg: 'value is not a valid integer', type: 'type_error.integer' },
          ],
        });
      }
      const huge = await ctx.app.inject({
        method: 'DELETE',
        url: '/api/v1/keys/99999999999999999999',
        headers: bearer(ctx.tenant.token),
      });
      expect(huge.statusCode).toBe(422);
      expect(huge.json().detail[0]).toMatchObject({
        loc: ['path', 'key_id'],
        type: 'value_error.number.not_le',
      });
    });
  });

  describe('security', () => {
    const routes = [
      { method: 'GET', url: '/api/v1/keys' },
      { method: 'POST', url: '/api/v1/keys', payload: { name: 'x' } },
      { method: 'DELETE', url: '/api/v1/keys/1' },
    ] as const;

    it('answers 401 for a missing, malformed, expired or foreign-signed JWT, and for an API key', async () => {
      const expired = await issueAccessToken(TEST_JWT_SECRET, 1, 60_000, new Date(Date.now() - 3_600_000));
      const foreign = await issueAccessToken('another-secret-that-is-long-enough-0123456789', 1, 60_000);
      const headers = [
        {},
        { authorization: 'Bearer not.a.jwt' },
        { authorization: `Basic ${ctx.tenant.token}` },
        bearer(expired),
        bearer(foreign),
        { 'x-api-key': ctx.tenant.apiKey },
      ];
      for (const route of routes) {
        for (const header of headers) {
          const response = await ctx.app.inject({ ...route, headers: header });
          expect(response.statusCode, `${route.method} ${route.url} ${JSON.stringify(header)}`).toBe(401);
          expect(response.json()).toEqual({ detail: 'Could not validate credentials' });
        }
      }
    });

    it('answers 403 for an unverified email and for a user without organisation', async () => {
      const unverified = await seedTenant(database().store.db, { verified: false });
      const orphan = await seedOrphanUser(database().store.db);
      for (const route of routes) {
        const a = await ctx.app.inject({ ...route, headers: bearer(unverified.token) });
        expect(a.statusCode).toBe(403);
        expect(a.json()).toEqual({ detail: 'Email address has not been verified' });
        const b = await ctx.app.inject({ ...route, headers: bearer(orphan) });
        expect(b.statusCode).toBe(403);
        expect(b.json()).toEqual({
          detail: 'The authenticated user has no organisation associated with their account.',
        });
      }
    });
  });
});
