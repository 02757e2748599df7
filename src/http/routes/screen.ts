import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { submitJob } from '../../jobs/index.ts';
import { checkWebhookUrl } from '../../webhooks/ssrf-guard.ts';
import { type AdmissionGate, createAdmissionGate } from '../admission-gate.ts';
import { requestHash } from '../canonical-json.ts';
import { screenerOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import type { RouteContext } from '../route-context.ts';
import { API_KEY_ERRORS, ErrorBody, errorResponse, ValidationErrorBody } from '../schemas/errors.schema.ts';
import { ScreenHeaders, ScreenRequest, ScreenResponse } from '../schemas/screen.schema.ts';

/**
 * Holds a request until the gate admits it, before its body is read: a burst of 2 MB submissions then
 * waits in the sockets (TCP pushes back on the senders) instead of being parsed all at once, so an API
 * process's memory is bounded by the gate, not by the burst. The place is given back when the response
 * closes, however it ends.
 */
function admissionHook(gate: AdmissionGate) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const release = await gate.enter();
    reply.raw.once('close', release);
    // The client left while waiting: its response has already closed and will not say so again.
    if (request.raw.destroyed || reply.raw.destroyed) release();
  };
}

/** POST /api/v1/screen: types are checked here (422); the jobs service applies the rules (400, 429). */
async function registerScreenRoute(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { deps, metrics, now } = context;
  const submitDeps = {
    db: deps.store.db,
    dialect: deps.store.dialect,
    engineInfo: deps.engineInfo,
    retentionMs: deps.config.retentionMs,
    checkWebhookUrl: (url: string) =>
      checkWebhookUrl(url, { allowPrivate: deps.config.webhook.allowPrivate }),
  };
  const admitSubmission = admissionHook(createAdmissionGate(deps.config.submitConcurrency));
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/screen',
    {
      // Admission last: only an authenticated caller within its rate may wait for a place.
      onRequest: [app.limitPerApiKey, app.requireScreener, admitSubmission],
      schema: {
        tags: [API_TAGS.screening],
        summary: 'Submit a screening job',
        description:
          'Submits a batch of candidates for scoring and returns a job_id at once. Poll GET /api/v1/jobs/{job_id} or supply a webhook_url.',
        security: [{ ApiKey: [] }, { Bearer: [] }],
        headers: ScreenHeaders,
        body: ScreenRequest,
        response: {
          200: ScreenResponse.describe('Accepted: poll the job, or wait for the webhook.'),
          400: errorResponse(
            'Empty job_spec, no or over 200 candidates, duplicate candidate_ref, bad webhook_url.',
          ),
          ...API_KEY_ERRORS,
          409: errorResponse('A request with this Idempotency-Key is still being processed.'),
          413: ErrorBody.describe('Request body too large.'),
          422: ValidationErrorBody.describe('Malformed JSON, a missing field or a wrong type.'),
        },
      },
    },
    async (request, reply) => {
      const idempotencyKey = request.headers['idempotency-key'];
      const principal = screenerOf(request);
      const { statusCode, body } = await submitJob(submitDeps, principal, request.body, {
        at: now(),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey, requestHash: requestHash(request.body) }),
      });
      // Every refusal is thrown (mapped in http/errors.ts); a replayed response is the original 200.
      if (statusCode !== 200)
        throw new Error(`submitJob answered ${statusCode}, which this route does not document`);
      // Ids and counts only: never the job spec or CV text.
      request.log.info(
        { job_id: body.job_id, org_id: principal.orgId, candidates: body.total_candidates },
        'job submitted',
      );
      metrics.jobsSubmitted.inc();
      metrics.candidatesSubmitted.inc(body.total_candidates);
      return reply.code(200).send(body);
    },
  );
}

export const screenRoutes = fp(registerScreenRoute, {
  name: 'aptly-route-screen',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
