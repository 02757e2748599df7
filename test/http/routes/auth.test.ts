import { expect, it } from 'vitest';
import { describeEachDialect } from '../../support/databases.ts';
import { TEST_CONFIG, TEST_PASSWORD, useAppWithTenant } from '../support/test-app.ts';

describeEachDialect('POST /api/v1/auth/login', (database) => {
  const ctx = useAppWithTenant(database, { config: { ...TEST_CONFIG, rateLimitPerMinute: 8 } });

  const login = (payload: string | object, contentType?: string, ip = '10.0.0.1') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
      payload,
    });

  it('issues a bearer JWT for JSON and for form credentials, usable on the key endpoints', async () => {
    const json = await login({ email: ctx.tenant.email.toUpperCase(), password: TEST_PASSWORD });
    const form = await login(
      new URLSearchParams({ email: ctx.tenant.email, password: TEST_PASSWORD }).toString(),
      'application/x-www-form-urlencoded',
    );
    for (const response of [json, form]) {
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in']);
      expect(body.token_type).toBe('bearer');
      expect(body.expires_in).toBe(3600);
      const keys = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/keys',
        headers: { authorization: `Bearer ${body.access_token}` },
      });
      expect(keys.statusCode).toBe(200);
    }
  });

  it('answers 401 alike for a wrong password and an unknown email', async () => {
    for (const credentials of [
      { email: ctx.tenant.email, password: 'wrong password' },
      { email: 'nobody@example.com', password: TEST_PASSWORD },
    ]) {
      const response = await login(credentials, undefined, '10.0.0.2');
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ detail: 'Incorrect email or password' });
    }
  });

  it('answers 422 for missing or mistyped credentials', async () => {
    const response = await login({ email: 5 }, undefined, '10.0.0.3');
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toEqual([
      { loc: ['body', 'email'], msg: 'str type expected', type: 'type_error.str' },
      { loc: ['body', 'password'], msg: 'field required', type: 'value_error.missing' },
    ]);
  });

  it('limits attempts per client address with 429 and Retry-After', async () => {
    const attempts = [];
    for (let i = 0; i < 9; i++)
      attempts.push(await login({ email: ctx.tenant.email, password: 'guess' }, undefined, '10.9.9.9'));
    expect(attempts.slice(0, 8).every((r) => r.statusCode === 401)).toBe(true);
    const limited = attempts[8];
    expect(limited?.statusCode).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.json().detail).toMatch(
      /^Rate limit exceeded: 8 requests per minute per IP address\. Retry after \d+ seconds\.$/,
    );
    // Another address is not affected.
    expect(
      (await login({ email: ctx.tenant.email, password: TEST_PASSWORD }, undefined, '10.9.9.8')).statusCode,
    ).toBe(200);
  });
});
