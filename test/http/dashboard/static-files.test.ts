import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DASHBOARD_PAGES,
  dashboardPlugin,
  NOT_BUILT_MESSAGE,
  safeFilePath,
} from '../../../src/http/plugins/dashboard.ts';

const INDEX =
  '<!doctype html><title>Aptly</title><script type="module" src="/assets/index-abc123.js"></script>';

describe('the dashboard files', () => {
  let dir = '';
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aptly-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'not served: unknown type');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside assets');
    app = Fastify();
    await app.register(dashboardPlugin, { root: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html, never cached, on every page of the app', async () => {
    for (const url of DASHBOARD_PAGES) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.body).toBe(INDEX);
    }
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log(1)');
    const css = await app.inject({ method: 'GET', url: '/assets/index-abc123.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing asset, an unknown type, or a path that tries to leave assets/', async () => {
    for (const url of [
      '/assets/missing.js',
      '/assets/notes.txt',
      '/assets/../secret.txt',
      '/assets/%2e%2e/secret.txt',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%5csecret.txt',
      '/assets/',
      '/assets',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('outside assets');
    }
  });

  it('keeps names inside the directory', () => {
    expect(safeFilePath('/srv/web', 'index.js')).toBe('/srv/web/index.js');
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'a\\..\\x', '', 'a//b', 'x\0.js'])
      expect(safeFilePath('/srv/web', name), name).toBeUndefined();
  });
});

describe('the dashboard before it is built', () => {
  it('explains how to build it instead of failing', async () => {
    const app = Fastify();
    await app.register(dashboardPlugin, { root: path.join(tmpdir(), 'aptly-web-never-built') });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe(NOT_BUILT_MESSAGE);
    expect((await app.inject({ method: 'GET', url: '/assets/index.js' })).statusCode).toBe(404);
    await app.close();
  });
});
