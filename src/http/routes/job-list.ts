import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageJobs } from '../../jobs/index.ts';
import { userOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { USER_ERRORS, ValidationErrorBody } from '../schemas/errors.schema.ts';
import { JobListPage, JobListQuery } from '../schemas/jobs.schema.ts';

/**
 * GET /api/v1/jobs: the dashboard's recent jobs, shared by everyone in the organisation and whichever way
 * the jobs came in. Dashboard JWT only: the reference gives API keys no listing, and we add none.
 */
async function registerJobListRoute(app: FastifyInstance, { deps, now }: RouteContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/jobs',
    {
      onRequest: [app.limitPerAddress, app.requireUser],
      schema: {
        tags: [API_TAGS.screening],
        security: [{ Bearer: [] }],
        summary: 'List recent jobs',
        description:
          'Your organisation’s jobs that have not expired, newest first, from API keys and the dashboard alike: ids, status, counts and times only (no job spec, no CVs, no results; read those with GET /api/v1/jobs/{job_id}). Page with `cursor`.',
        querystring: JobListQuery,
        response: {
          200: JobListPage.describe('A page of jobs.'),
          ...USER_ERRORS,
          422: ValidationErrorBody.describe('A bad cursor or limit.'),
        },
      },
    },
    async (request) => pageJobs(deps.store.db, userOf(request), request.query, now()),
  );
}

export const jobListRoutes = fp(registerJobListRoute, {
  name: 'aptly-route-job-list',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
