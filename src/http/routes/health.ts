import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../domain/errors.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import { unreadiness } from '../readiness.ts';
import type { RouteContext } from '../route-context.ts';
import { errorResponse } from '../schemas/errors.schema.ts';
import { Health, Readiness } from '../schemas/health.schema.ts';

/** /healthz: the process answers. /readyz: and its database answers with every migration applied. */
async function registerHealthRoutes(app: FastifyInstance, { deps }: RouteContext): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = [API_TAGS.operations];
  routes.get(
    '/healthz',
    { schema: { tags, summary: 'Liveness', response: { 200: Health.describe('The process is up.') } } },
    async () => ({
      status: 'ok' as const,
    }),
  );
  routes.get(
    '/readyz',
    {
      schema: {
        tags,
        summary: 'Readiness',
        description: 'Ready when the database is reachable and every migration is applied.',
        response: {
          200: Readiness.describe('Ready to take traffic.'),
          503: errorResponse('Not ready, and why.'),
        },
      },
    },
    async () => {
      const problem = await unreadiness(deps.store);
      if (problem !== undefined) throw new AppError('unavailable', problem);
      return { status: 'ready' as const };
    },
  );
}

export const healthRoutes = fp(registerHealthRoutes, {
  name: 'aptly-route-health',
  encapsulate: true,
  dependencies: ['aptly-openapi'],
});
