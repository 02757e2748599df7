import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageDecisions } from '../../decisions/page-decisions.ts';
import { userOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { DecisionPage, DecisionsQuery } from '../schemas/decisions.schema.ts';
import { USER_ERRORS, ValidationErrorBody } from '../schemas/errors.schema.ts';

/** The decision log for audits, with the dashboard JWT only: an API key never reads it. */
async function registerDecisionRoutes(app: FastifyInstance, { deps }: RouteContext): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/v1/decisions',
    {
      onRequest: [app.limitPerAddress, app.requireUser],
      schema: {
        tags: [API_TAGS.decisions],
        security: [{ Bearer: [] }],
        summary: 'Export the decision log',
        description:
          'Every scored candidate of your organisation, oldest first, kept for APTLY_DECISION_LOG_DAYS (180 by default) after the decision: score, verdict and requirement outcomes, with no CV text and no job spec, for bias audits. Page with `cursor`.',
        querystring: DecisionsQuery,
        response: {
          200: DecisionPage.describe('A page of decisions.'),
          ...USER_ERRORS,
          422: ValidationErrorBody.describe('A bad since, until, cursor or limit.'),
        },
      },
    },
    async (request) => pageDecisions(deps.store.db, userOf(request), request.query),
  );
}

export const decisionRoutes = fp(registerDecisionRoutes, {
  name: 'aptly-route-decisions',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
