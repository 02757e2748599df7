import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getWebhookSecret, rotateWebhookSecret } from '../../accounts/index.ts';
import { userOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { USER_ERRORS } from '../schemas/errors.schema.ts';
import { WebhookSecret } from '../schemas/webhooks-secret.schema.ts';

const common = { tags: [API_TAGS.webhooks], security: [{ Bearer: [] }] };

/** The organisation's Standard Webhooks signing secret (JWT auth). */
async function registerWebhookSecretRoutes(app: FastifyInstance, { deps }: RouteContext): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = [app.limitPerAddress, app.requireUser];
  const db = deps.store.db;

  routes.get(
    '/api/v1/webhooks/secret',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Get the webhook signing secret',
        description:
          'Verify the webhook-signature header of deliveries with this secret (Standard Webhooks).',
        response: { 200: WebhookSecret.describe('The current secret.'), ...USER_ERRORS },
      },
    },
    async (request) => getWebhookSecret(db, userOf(request)),
  );

  routes.post(
    '/api/v1/webhooks/secret/rotate',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Rotate the webhook signing secret',
        description: 'Replaces the secret; deliveries from now on are signed with the new one.',
        response: { 200: WebhookSecret.describe('The new secret.'), ...USER_ERRORS },
      },
    },
    async (request) => rotateWebhookSecret(db, userOf(request)),
  );
}

export const webhookSecretRoutes = fp(registerWebhookSecretRoutes, {
  name: 'aptly-route-webhooks-secret',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
