import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import {
  authenticateApiKey,
  authenticateDashboardScreener,
  authenticateUser,
  MESSAGES,
} from '../../accounts/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { ApiKeyPrincipal, ScreeningPrincipal, UserPrincipal } from '../../domain/principals.ts';
import type { Database } from '../../store/schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiKeyPrincipal: ApiKeyPrincipal | null;
    userPrincipal: UserPrincipal | null;
    screeningPrincipal: ScreeningPrincipal | null;
  }
  interface FastifyInstance {
    /** onRequest hook: X-API-Key → request.apiKeyPrincipal, or 401/403. */
    requireApiKey: onRequestAsyncHookHandler;
    /** onRequest hook: Authorization: Bearer JWT → request.userPrincipal, or 401. */
    requireUser: onRequestAsyncHookHandler;
    /**
     * onRequest hook for the screening routes: X-API-Key as documented; without one, a dashboard JWT
     * (the workspace) → request.screeningPrincipal, or 401/403.
     */
    requireScreener: onRequestAsyncHookHandler;
  }
}

export interface AuthOptions {
  readonly db: Kysely<Database>;
  readonly jwtSecret: string;
}

/** One header value: a repeated header is not a credential we can trust, so it counts as invalid. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * On the screening routes a JWT is an undocumented extra: to an API-key client whose Authorization header
 * is no valid dashboard session (another scheme, an API key sent as Bearer, an expired token) the answer
 * is the reference's 401 for a request without X-API-Key. Anything but a 401 (a database outage) stays.
 */
function asMissingApiKey(error: unknown): never {
  if (error instanceof AppError && error.code === 'unauthorized')
    throw new AppError('unauthorized', MESSAGES.missingApiKey);
  throw error;
}

/**
 * Authentication runs before the body is read: an unauthenticated caller learns nothing about
 * validation and cannot make the server parse a large body.
 */
async function auth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  app.decorateRequest('apiKeyPrincipal', null);
  app.decorateRequest('userPrincipal', null);
  app.decorateRequest('screeningPrincipal', null);
  app.decorate('requireApiKey', async (request: FastifyRequest) => {
    request.apiKeyPrincipal = await authenticateApiKey(options.db, single(request.headers['x-api-key']));
  });
  app.decorate('requireUser', async (request: FastifyRequest) => {
    request.userPrincipal = await authenticateUser(
      options.db,
      options.jwtSecret,
      single(request.headers.authorization),
    );
  });
  app.decorate('requireScreener', async (request: FastifyRequest) => {
    const apiKey = single(request.headers['x-api-key']);
    const authorization = single(request.headers.authorization);
    // The API-key contract is untouched: a key, even a bad one, decides; a JWT is only read without one.
    if (apiKey === undefined && authorization !== undefined) {
      const user = await authenticateUser(options.db, options.jwtSecret, authorization).catch(
        asMissingApiKey,
      );
      request.screeningPrincipal = await authenticateDashboardScreener(options.db, user);
      return;
    }
    request.apiKeyPrincipal = await authenticateApiKey(options.db, apiKey);
    request.screeningPrincipal = request.apiKeyPrincipal;
  });
}

export const authPlugin = fp(auth, { name: 'aptly-auth' });

/** The authenticated API key; only reachable behind requireApiKey. */
export function apiKeyOf(request: FastifyRequest): ApiKeyPrincipal {
  if (!request.apiKeyPrincipal) throw new Error('route is missing the requireApiKey hook');
  return request.apiKeyPrincipal;
}

/** The organisation (and key, if any) a screening request acts for; only reachable behind requireScreener. */
export function screenerOf(request: FastifyRequest): ScreeningPrincipal {
  if (!request.screeningPrincipal) throw new Error('route is missing the requireScreener hook');
  return request.screeningPrincipal;
}

/** The authenticated user; only reachable behind requireUser. */
export function userOf(request: FastifyRequest): UserPrincipal {
  if (!request.userPrincipal) throw new Error('route is missing the requireUser hook');
  return request.userPrincipal;
}
