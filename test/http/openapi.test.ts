import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/databases.ts';
import { buildTestApp } from './support/test-app.ts';

/** Every route of the service with the statuses it documents (api-reference.txt and DESIGN.md §4). */
const ROUTES: Record<string, Record<string, string[]>> = {
  '/api/v1/screen': { post: ['200', '400', '401', '403', '409', '413', '422', '429'] },
  '/api/v1/jobs/{job_id}': { get: ['200', '401', '403', '404', '410', '429'] },
  '/api/v1/jobs': { get: ['200', '401', '403', '422', '429'] },
  '/api/v1/keys': { get: ['200', '401', '403', '429'], post: ['200', '400', '401', '403', '422', '429'] },
  '/api/v1/keys/{key_id}': { delete: ['200', '401', '403', '404', '422', '429'] },
  '/api/v1/auth/login': { post: ['200', '401', '422', '429'] },
  '/api/v1/decisions': { get: ['200', '401', '403', '422', '429'] },
  '/api/v1/webhooks/secret': { get: ['200', '401', '403', '429'] },
  '/api/v1/webhooks/secret/rotate': { post: ['200', '401', '403', '429'] },
  '/healthz': { get: ['200'] },
  '/readyz': { get: ['200', '503'] },
  '/metrics': { get: [] },
  '/downloads/aptly-api.http': { get: [] },
  '/downloads/aptly-api.postman_collection.json': { get: [] },
};

interface Operation {
  responses: Record<string, { description?: string }>;
  security?: Record<string, unknown>[];
  requestBody?: { content: Record<string, unknown> };
}

describeEachDialect('OpenAPI document and API reference page', (database) => {
  let app: FastifyInstance;
  let document: {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: {
      schemas: Record<string, { required?: string[] }>;
      securitySchemes: Record<string, unknown>;
    };
  };

  beforeAll(async () => {
    app = await buildTestApp(database().store);
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is OpenAPI 3.1 and lists every route with its documented statuses', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, methods] of Object.entries(ROUTES)) {
      expect(Object.keys(document.paths[path] ?? {}).sort(), path).toEqual(Object.keys(methods).sort());
      for (const [method, statuses] of Object.entries(methods)) {
        const operation = document.paths[path]?.[method];
        for (const status of statuses)
          expect(operation?.responses[status], `${method} ${path} ${status}`).toBeDefined();
        for (const response of Object.values(operation?.responses ?? {}))
          expect(response.description).toBeTruthy();
      }
    }
  });

  it('documents both authentication schemes and uses them per route', () => {
    expect(document.components.securitySchemes).toEqual({
      ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(document.paths['/api/v1/screen']?.post?.security).toEqual([{ ApiKey: [] }, { Bearer: [] }]);
    expect(document.paths['/api/v1/keys']?.get?.security).toEqual([{ Bearer: [] }]);
    expect(document.paths['/api/v1/auth/login']?.post?.security).toBeUndefined();
  });

  it('is generated from the validating schemas: required fields, form bodies, and every $ref resolves', () => {
    expect(document.components.schemas.ScreenRequest?.required?.sort()).toEqual(['candidates', 'job_spec']);
    expect(Object.keys(document.paths['/api/v1/keys']?.post?.requestBody?.content ?? {}).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ]);
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.replace(/^"\$ref":"#\/components\/schemas\//, '').replace(/"$/, '');
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });

  it('/docs is an HTML reference page whose assets are served locally (works offline)', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    const scripts = [...page.body.matchAll(/src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('http')).toBe(false);
      const asset = await app.inject({ method: 'GET', url: new URL(src, 'http://x/docs').pathname });
      expect(asset.statusCode, src).toBe(200);
    }
    const spec = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.json().paths).toEqual(document.paths);
  });
});
