import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { login } from '../../accounts/index.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { LoginBody, TokenResponse } from '../schemas/auth.schema.ts';
import { errorResponse, TooManyRequestsBody, ValidationErrorBody } from '../schemas/errors.schema.ts';

/** POST /api/v1/auth/login: email and password (JSON or form data) for a dashboard JWT. */
async function registerLoginRoute(app: FastifyInstance, { deps }: RouteContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/auth/login',
    {
      onRequest: [app.limitPerAddress],
      schema: {
        tags: [API_TAGS.auth],
        summary: 'Log in',
        description: 'Returns a JWT for the key-management and webhook-secret endpoints.',
        consumes: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
        body: LoginBody,
        response: {
          200: TokenResponse.describe('A bearer JWT.'),
          401: errorResponse('Incorrect email or password.'),
          422: ValidationErrorBody.describe('Missing or mistyped email or password.'),
          429: TooManyRequestsBody.describe('Rate limit exceeded (Retry-After header).'),
        },
      },
    },
    async (request) =>
      login(deps.store.db, deps.jwtSecret, deps.config.jwtTtlMs, request.body.email, request.body.password),
  );
}

export const authRoutes = fp(registerLoginRoute, {
  name: 'aptly-route-auth',
  encapsulate: true,
  dependencies: ['aptly-rate-limit', 'aptly-openapi'],
});
