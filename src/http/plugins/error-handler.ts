import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { toHttpError } from '../errors.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

/** Sends an error as `{detail, …}` (http/errors.ts decides status and body); logs only what is ours. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const http = toHttpError(error);
  if (http.internal) request.log.error({ err: error }, 'unexpected error');
  else if (http.status >= 500)
    request.log.warn({ statusCode: http.status, error: briefly(error) }, 'unavailable');
  else request.log.info({ statusCode: http.status }, 'request refused');
  return reply
    .code(http.status)
    .headers(http.headers)
    .header(REQUEST_ID_HEADER, request.id)
    .type('application/json; charset=utf-8')
    .send(http.body);
}

/** Class, code and first line only: a driver's message is not trusted to be free of input. */
function briefly(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = 'code' in error && typeof error.code === 'string' ? ` ${error.code}` : '';
  return `${error.name}${code}: ${(error.message.split('\n', 1)[0] ?? '').slice(0, 200)}`;
}

interface KnownRoute {
  readonly method: string;
  readonly pattern: RegExp;
}

/** `/api/v1/keys/:key_id` → a pattern matching concrete paths of that route. */
function routePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${escaped}$`);
}

/**
 * Unknown paths answer 404 `{"detail":"Not Found"}`; a known path with another method answers 405
 * `{"detail":"Method Not Allowed"}` with `Allow`, as the reference's FastAPI server does.
 */
async function errorHandling(app: FastifyInstance): Promise<void> {
  const routes: KnownRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, pattern: routePattern(route.url) });
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    // Routes ignore one trailing slash (app.ts), so the 405 check does too.
    const path = (request.url.split('?', 1)[0] ?? '').replace(/(.)\/$/, '$1');
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length === 0) return reply.code(404).send({ detail: 'Not Found' });
    return reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
  });
}

export const errorHandlerPlugin = fp(errorHandling, { name: 'aptly-error-handler' });
