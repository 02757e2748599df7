import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const API_TAGS = {
  screening: 'Screening',
  keys: 'API keys',
  auth: 'Dashboard auth',
  webhooks: 'Webhooks',
  decisions: 'Decision log',
  operations: 'Operations',
} as const;

/** Shown under each tag in /docs; a new tag needs one (the type says so). */
const TAG_DESCRIPTIONS: Record<keyof typeof API_TAGS, string> = {
  screening: 'Submit candidates against a job specification and read the scored results (X-API-Key).',
  keys: 'Create, list and revoke API keys (dashboard JWT).',
  auth: 'Log in for the dashboard JWT the key, webhook-secret and decision-log calls use.',
  webhooks: 'The secret that signs webhook deliveries (Standard Webhooks).',
  decisions: 'The decision log kept for bias audits, without CV text (dashboard JWT).',
  operations: 'Health, readiness, metrics and the ready-made request files.',
};

const DESCRIPTION = `Submit a job specification and candidate CVs (plain text) and receive, asynchronously, a score
(0–100), a verdict, match reasons and gaps for each candidate: poll GET /api/v1/jobs/{job_id}, or supply a
webhook_url. API calls authenticate with the X-API-Key header; key management uses a dashboard JWT from
POST /api/v1/auth/login. Errors are \`{"detail": …}\`. Timestamps are ISO 8601 UTC with microseconds.`;

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas that validate requests, served at
 * /openapi.json, and rendered at /docs by Swagger UI from files in node_modules (no CDN: works offline).
 */
async function openapi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Aptly Intelligence API', version: '1.0.0', description: DESCRIPTION },
      // Relative: a self-hosted server documents itself, wherever it runs.
      servers: [{ url: '/', description: 'The server this document was downloaded from' }],
      tags: Object.entries(API_TAGS).map(([tag, name]) => ({
        name,
        description: TAG_DESCRIPTIONS[tag as keyof typeof API_TAGS],
      })),
      // Public by default (login, health, downloads); each protected route names its scheme.
      security: [],
      components: {
        securitySchemes: {
          ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          Bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: createJsonSchemaTransform({ skipList: ['/openapi.json'] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0 },
    theme: { title: 'Aptly Intelligence API' },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export const openapiPlugin = fp(openapi, { name: 'aptly-openapi' });
