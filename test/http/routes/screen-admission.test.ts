import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../support/databases.ts';
import { screenBody, TEST_CONFIG, useAppWithTenant } from '../support/test-app.ts';

describeEachDialect('POST /api/v1/screen admission (APTLY_SUBMIT_CONCURRENCY)', (database) => {
  const ctx = useAppWithTenant(database, { config: { ...TEST_CONFIG, submitConcurrency: 1 } });

  /** A submission whose body arrives only when `finish` is called, as a slow 2 MB upload would. */
  function slowSubmission() {
    const body = new PassThrough();
    const json = JSON.stringify(screenBody(1));
    body.write(json.slice(0, 10));
    // inject() sends only once then() is called: start it now, as a client would.
    const response = ctx.app
      .inject({
        method: 'POST',
        url: '/api/v1/screen',
        headers: { 'x-api-key': ctx.tenant.apiKey, 'content-type': 'application/json' },
        payload: body,
      })
      .then((answer) => answer);
    return { response, finish: () => body.end(json.slice(10)) };
  }

  const quick = () =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: { 'x-api-key': ctx.tenant.apiKey },
      payload: screenBody(1),
    });

  it('holds a second submission until the first is answered, then answers both', async () => {
    const first = slowSubmission();
    await sleep(250); // the first is authenticated and admitted, its body still arriving
    let secondAnswered = false;
    const second = quick().then((response) => {
      secondAnswered = true;
      return response;
    });
    await sleep(150);
    expect(secondAnswered).toBe(false);
    first.finish();
    expect((await first.response).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
  });

  it('a refused submission gives its place back', async () => {
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      headers: { 'x-api-key': ctx.tenant.apiKey },
      payload: { job_spec: '', candidates: [] },
    });
    expect(refused.statusCode).toBe(400);
    expect((await quick()).statusCode).toBe(200);
  });

  it('an unauthenticated caller never takes a place', async () => {
    const first = slowSubmission();
    await sleep(250);
    const unauthenticated = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/screen',
      payload: screenBody(1),
    });
    expect(unauthenticated.statusCode).toBe(401);
    first.finish();
    expect((await first.response).statusCode).toBe(200);
  });
});
