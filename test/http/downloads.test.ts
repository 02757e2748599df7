import { beforeAll, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/http/downloads/operations.ts';
import { describeEachDialect } from '../support/databases.ts';
import { TEST_PASSWORD, useAppWithTenant } from './support/test-app.ts';

interface PostmanItem {
  name: string;
  request: {
    method: 'GET' | 'POST' | 'DELETE';
    header: { key: string; value: string }[];
    url: { raw: string };
    body?:
      | { mode: 'raw'; raw: string }
      | { mode: 'urlencoded'; urlencoded: { key: string; value: string }[] };
  };
  event?: { script: { exec: string[] } }[];
}

/** Documented operations that are not API calls to try: Prometheus text for scrapers, and these files. */
const NOT_IN_DOWNLOADS = new Set([
  '/metrics',
  '/downloads/aptly-api.http',
  '/downloads/aptly-api.postman_collection.json',
]);

/** `/api/v1/jobs/{job_id}` and `/api/v1/jobs/{{jobId}}` alike. */
const shape = (path: string) => path.replace(/\{\{\w+\}\}|\{\w+\}/g, '{}');

describeEachDialect('downloads: REST Client file and Postman collection', (database) => {
  const ctx = useAppWithTenant(database);
  let documentedOperations: string[];
  let securityByOperation: Map<string, string>;

  beforeAll(async () => {
    const paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>> = (
      await ctx.app.inject({ method: 'GET', url: '/openapi.json' })
    ).json().paths;
    const operations = Object.entries(paths)
      .filter(([path]) => !NOT_IN_DOWNLOADS.has(path))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]) => {
          const scheme = Object.keys(op.security?.[0] ?? {})[0];
          return [`${m.toUpperCase()} ${shape(path)}`, scheme ?? 'none'] as const;
        }),
      );
    documentedOperations = operations.map(([operation]) => operation).sort();
    securityByOperation = new Map(operations);
  });

  it('every example authenticates the way the OpenAPI document says its operation does', () => {
    const schemes = { api_key: 'ApiKey', bearer: 'Bearer', none: 'none' } as const;
    for (const op of EXAMPLE_OPERATIONS) {
      const operation = `${op.method} ${shape(op.path)}`;
      expect(schemes[op.auth], operation).toBe(securityByOperation.get(operation));
    }
  });

  it.each([
    ['', 'rest-client'],
    ['?client=rest-client', 'rest-client'],
    ['?client=httpyac', 'httpyac'],
  ])(
    'the .http file%s has one request per API operation, pointing at this server',
    async (query, dialect) => {
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/downloads/aptly-api.http${query}`,
        headers: { host: 'aptly.example:8080' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('aptly-api.http');
      expect(response.body).toContain('@baseUrl = http://aptly.example:8080');
      const requests = [...response.body.matchAll(/^(GET|POST|DELETE) \{\{baseUrl\}\}(\S+)$/gm)]
        .map((m) => `${m[1]} ${shape(m[2] ?? '')}`)
        .sort();
      expect(requests).toEqual(documentedOperations);
      const names = [...response.body.matchAll(/^# @name (\w+)$/gm)].map((m) => m[1]);
      // Chained values name a request of the file, in each tool's own syntax.
      const sources = [...response.body.matchAll(/^@\w+ = \{\{(\w+)\.(.*)\}\}$/gm)];
      expect(sources.map((m) => m[1])).toEqual(expect.arrayContaining(['screen', 'login', 'createKey']));
      for (const [line, name, rest] of sources) {
        expect(names, line).toContain(name);
        if (dialect === 'rest-client') expect(rest, line).toMatch(/^response\.body\.\$\.\w+$/);
        else expect(rest, line).toMatch(/^\w+$/);
      }
      // httpyac's assertions only: REST Client would send them as part of a body.
      expect(/^\?\? /m.test(response.body)).toBe(dialect === 'httpyac');
    },
  );

  it('the Postman v2.1 collection covers every API operation, and running it in order works', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/downloads/aptly-api.postman_collection.json',
    });
    expect(response.statusCode).toBe(200);
    const collection: {
      info: { schema: string };
      variable: { key: string; value: string }[];
      item: PostmanItem[];
    } = response.json();
    expect(collection.info.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
    const items = collection.item;
    const operations = items.map(
      (i) => `${i.request.method} ${shape(i.request.url.raw.replace('{{baseUrl}}', ''))}`,
    );
    expect(operations.sort()).toEqual(documentedOperations);

    const variables: Record<string, string> = Object.fromEntries(
      collection.variable.map((v) => [v.key, v.value]),
    );
    expect(variables.baseUrl).toBe('http://localhost:80');
    Object.assign(variables, {
      apiKey: ctx.tenant.apiKey,
      email: ctx.tenant.email,
      password: TEST_PASSWORD,
    });
    const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => variables[name] ?? '');
    for (const item of collection.item) {
      const { request } = item;
      const headers = Object.fromEntries(request.header.map((h) => [h.key.toLowerCase(), fill(h.value)]));
      let payload: string | undefined;
      if (request.body?.mode === 'raw') payload = fill(request.body.raw);
      if (request.body?.mode === 'urlencoded') {
        payload = new URLSearchParams(
          Object.fromEntries(request.body.urlencoded.map((f) => [f.key, fill(f.value)])),
        ).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      const url = fill(request.url.raw).replace(variables.baseUrl ?? '', '');
      const result = await ctx.app.inject({
        method: request.method,
        url,
        headers,
        ...(payload ? { payload } : {}),
      });
      expect(result.statusCode, `${item.name}: ${result.body}`).toBe(200);
      for (const line of item.event?.flatMap((e) => e.script.exec) ?? []) {
        const capture = /set\('(\w+)', body\.(\w+)\)/.exec(line);
        if (capture?.[1] && capture[2]) variables[capture[1]] = String(result.json()[capture[2]]);
      }
    }
    expect(variables.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(variables.token).toBeTruthy();
  });
});
