import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { findPackageRoot } from '../../config/package-root.ts';

export interface DashboardOptions {
  /** The built front end (index.html and assets/); default dist/web under the project root. */
  readonly root?: string;
}

/** The client-side pages: a reload or a shared link on one of them gets the app, which routes itself. */
export const DASHBOARD_PAGES = ['/', '/sign-in', '/keys', '/usage', '/webhook-secret', '/workspace'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Everything comes from this server; the API is called on the same origin. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export const NOT_BUILT_MESSAGE =
  'The dashboard is not built. Run `npm run build:web` (npm ci and npm run build do it too), then reload. ' +
  'The API, /docs and /openapi.json work without it.';

export function defaultDashboardRoot(): string {
  return join(findPackageRoot(import.meta.url), 'dist', 'web');
}

/** A file under `dir` named by a URL path segment, or undefined if the name could leave `dir`. */
export function safeFilePath(dir: string, name: string): string | undefined {
  if (name === '' || name.includes('\0') || name.includes('\\')) return undefined;
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
  const base = resolve(dir);
  const target = resolve(base, name);
  return target.startsWith(base + sep) ? target : undefined;
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR'))
      return undefined;
    throw error;
  }
}

/**
 * The dashboard (web/, built by Vite into dist/web) served by the API's own server: index.html for each
 * page, never cached so a deploy is seen at once; hashed assets cached for good. Files are read per
 * request (the OS caches them), so a rebuild needs no restart and a missing build is explained, not a crash.
 */
async function dashboard(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  const root = options.root ?? defaultDashboardRoot();
  const assets = join(root, 'assets');
  const notFound = (reply: FastifyReply) => reply.code(404).send({ detail: 'Not Found' });

  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    const html = await readIfPresent(join(root, 'index.html'));
    if (!html) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(html);
  };
  for (const page of DASHBOARD_PAGES) app.get(page, { schema: { hide: true } }, sendIndex);

  app.get<{ Params: { '*': string } }>('/assets/*', { schema: { hide: true } }, async (request, reply) => {
    const path = safeFilePath(assets, request.params['*']);
    const type = path === undefined ? undefined : CONTENT_TYPES[extname(path)];
    const body = path === undefined || type === undefined ? undefined : await readIfPresent(path);
    if (!body || !type) return notFound(reply);
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}

export const dashboardPlugin = fp(dashboard, { name: 'aptly-dashboard' });
