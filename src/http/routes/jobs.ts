import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getJob } from '../../jobs/index.ts';
import { screenerOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import { bindToRequestLog } from '../plugins/request-log.ts';
import type { RouteContext } from '../route-context.ts';
import { API_KEY_ERRORS, errorResponse } from '../schemas/errors.schema.ts';
import { JobParams, JobView } from '../schemas/jobs.schema.ts';

/** GET /api/v1/jobs/{job_id}: status and progress; results and failures once the job is complete. */
async function registerJobRoute(app: FastifyInstance, { deps, now }: RouteContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/jobs/:job_id',
    {
      onRequest: [app.limitPerApiKey, app.requireScreener],
      schema: {
        tags: [API_TAGS.screening],
        summary: 'Retrieve job results',
        description:
          'Returns the status of a screening job; when complete, the results (sorted by score) and failed arrays. Results are kept 72 hours from submission, then 410.',
        security: [{ ApiKey: [] }, { Bearer: [] }],
        params: JobParams,
        response: {
          200: JobView.describe('The job; results and failed once complete.'),
          ...API_KEY_ERRORS,
          404: errorResponse('The job does not exist or does not belong to your organisation.'),
          410: errorResponse('Results have expired.'),
        },
      },
    },
    async (request) => {
      const principal = screenerOf(request);
      bindToRequestLog(request, { job_id: request.params.job_id, org_id: principal.orgId });
      return getJob(deps.store.db, principal, request.params.job_id, now());
    },
  );
}

export const jobRoutes = fp(registerJobRoute, {
  name: 'aptly-route-jobs',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
