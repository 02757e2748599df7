import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { now as systemNow } from '../domain/time.ts';
import type { AppDeps } from './deps.ts';
import { createMetrics } from './metrics/metrics.ts';
import { authPlugin } from './plugins/auth.ts';
import { bodyParsersPlugin } from './plugins/body-parsers.ts';
import { dashboardPlugin } from './plugins/dashboard.ts';
import { errorHandlerPlugin, sendError } from './plugins/error-handler.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { requestIdFor, requestIdPlugin } from './plugins/request-id.ts';
import { requestLogPlugin } from './plugins/request-log.ts';
import type { RouteContext } from './route-context.ts';
import { authRoutes } from './routes/auth.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { documentRoutes } from './routes/documents.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { healthRoutes } from './routes/health.ts';
import { jobListRoutes } from './routes/job-list.ts';
import { jobRoutes } from './routes/jobs.ts';
import { keyRoutes } from './routes/keys.ts';
import { screenRoutes } from './routes/screen.ts';
import { webhookSecretRoutes } from './routes/webhooks-secret.ts';
import { responseSerializerCompiler } from './validation/serializer-compiler.ts';
import { zodValidatorCompiler } from './validation/validator-compiler.ts';

/** 200 CVs of 10,000+ characters (up to 4 bytes each in UTF-8) fit with room to spare; beyond, 413. */
export const BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * The whole HTTP API as a Fastify instance, not yet listening: tests drive it with `inject`, the server
 * (server.ts) listens with it. The caller owns the store and closes it after the app.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    genReqId: requestIdFor,
    // One line per request instead, written by requestLogPlugin.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    // `/api/v1/screen/` is `/api/v1/screen`: a client adding a slash reaches the route (FastAPI redirects).
    routerOptions: { ignoreTrailingSlash: true },
    // While closing, requests already on open connections are still answered; new connections are refused.
    return503OnClosing: false,
    // A URL the router cannot decode is the client's error: answered like any other, with its request id.
    frameworkErrors: sendError,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);

  const context: RouteContext = {
    deps,
    metrics: deps.metrics ?? createMetrics({ store: deps.store }),
    now: deps.now ?? systemNow,
  };
  await app.register(requestIdPlugin);
  await app.register(requestLogPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(bodyParsersPlugin);
  await app.register(openapiPlugin);
  await app.register(metricsPlugin, { metrics: context.metrics });
  await app.register(rateLimitPlugin, { perMinute: deps.config.rateLimitPerMinute });
  await app.register(authPlugin, { db: deps.store.db, jwtSecret: deps.jwtSecret });

  await app.register(screenRoutes, context);
  await app.register(jobRoutes, context);
  await app.register(jobListRoutes, context);
  await app.register(keyRoutes, context);
  await app.register(decisionRoutes, context);
  await app.register(authRoutes, context);
  await app.register(webhookSecretRoutes, context);
  await app.register(documentRoutes);
  await app.register(healthRoutes, context);
  await app.register(downloadRoutes);
  await app.register(dashboardPlugin);
  return app;
}
