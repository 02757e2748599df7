import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createKey, listKeys, revokeKey } from '../../accounts/index.ts';
import { LIMITS } from '../../domain/limits.ts';
import { userOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { errorResponse, USER_ERRORS, ValidationErrorBody } from '../schemas/errors.schema.ts';
import { CreatedKey, CreateKeyBody, KeyListing, KeyListingItem, KeyParams } from '../schemas/keys.schema.ts';

const common = { tags: [API_TAGS.keys], security: [{ Bearer: [] }] };
const FORM_OR_JSON = ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'];

/** No body at all is a form without its `name` field: the 422 names the field, as for `other=1`. */
async function noBodyAsEmptyForm(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

/** Key management with the dashboard JWT (Authorization: Bearer), never with an API key. */
async function registerKeyRoutes(app: FastifyInstance, { deps, now }: RouteContext): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = [app.limitPerAddress, app.requireUser];
  const db = deps.store.db;

  routes.get(
    '/api/v1/keys',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'List API keys',
        description: 'Every key of your organisation, revoked ones included, with this month’s usage.',
        response: { 200: KeyListing.describe('The plan, this month’s usage and every key.'), ...USER_ERRORS },
      },
    },
    async (request) => listKeys(db, userOf(request), now()),
  );

  routes.post(
    '/api/v1/keys',
    {
      onRequest,
      preValidation: noBodyAsEmptyForm,
      schema: {
        ...common,
        summary: 'Create an API key',
        description: `Form data (urlencoded or multipart) or JSON with \`name\`. The full key is returned once only. At most ${LIMITS.maxActiveApiKeys} active keys per organisation.`,
        consumes: FORM_OR_JSON,
        body: CreateKeyBody,
        response: {
          200: CreatedKey.describe('The new key: `key` is shown this once only.'),
          400: errorResponse(`Maximum ${LIMITS.maxActiveApiKeys} active API keys allowed.`),
          ...USER_ERRORS,
          422: ValidationErrorBody.describe('Missing or invalid name.'),
        },
      },
    },
    async (request) => createKey(db, userOf(request), request.body.name, now()),
  );

  routes.delete(
    '/api/v1/keys/:key_id',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Revoke an API key',
        description: 'Revokes the key at once (irreversible) and returns it as listed.',
        params: KeyParams,
        response: {
          200: KeyListingItem.describe('The revoked key, as listed.'),
          ...USER_ERRORS,
          404: errorResponse('The key does not exist or does not belong to your organisation.'),
          422: ValidationErrorBody.describe('key_id is not an integer.'),
        },
      },
    },
    async (request) => revokeKey(db, userOf(request), request.params.key_id, now()),
  );
}

export const keyRoutes = fp(registerKeyRoutes, {
  name: 'aptly-route-keys',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
