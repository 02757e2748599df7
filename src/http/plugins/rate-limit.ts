import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: at most N requests a minute per API key (per address when there is none). */
    limitPerApiKey: onRequestAsyncHookHandler;
    /** onRequest hook: at most N requests a minute per client address (login, dashboard routes). */
    limitPerAddress: onRequestAsyncHookHandler;
  }
}

export interface RateLimitOptions {
  readonly perMinute: number;
}

const WINDOW_MS = 60_000;

/** Buckets are keyed by a digest, so no key plaintext is kept in memory beyond the request. */
function apiKeyBucket(request: FastifyRequest): string {
  const key = request.headers['x-api-key'];
  if (typeof key !== 'string' || key === '') return `address:${request.ip}`;
  return `key:${createHash('sha256').update(key).digest('hex')}`;
}

/** A 429 that says it is a rate limit, with Retry-After, distinct from the monthly quota body. */
function rateLimited(perMinute: number, per: string, ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(
    'rate_limited',
    `Rate limit exceeded: ${perMinute} requests per minute per ${per}. Retry after ${seconds} seconds.`,
    {},
    { 'Retry-After': String(seconds) },
  );
}

/**
 * Fixed one-minute windows held in this process's memory: with several API processes each allows the
 * limit, which keeps a generous default generous without a shared store. Routes place the hooks before
 * authentication, so guessing keys is limited too.
 */
async function rateLimiting(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  await app.register(rateLimit, { global: false, max: options.perMinute, timeWindow: WINDOW_MS });
  const limit = (per: string, keyGenerator: (request: FastifyRequest) => string) =>
    app.rateLimit({
      max: options.perMinute,
      timeWindow: WINDOW_MS,
      keyGenerator,
      errorResponseBuilder: (_request, context) => rateLimited(options.perMinute, per, context.ttl),
    });
  app.decorate('limitPerApiKey', limit('API key', apiKeyBucket));
  app.decorate(
    'limitPerAddress',
    limit('IP address', (request) => `address:${request.ip}`),
  );
}

export const rateLimitPlugin = fp(rateLimiting, { name: 'aptly-rate-limit' });
