import type { FastifyInstance } from 'fastify';
import { contractViolation, failRunningTest, type OpenApiDocument } from '../../support/openapi-contract.ts';

/**
 * Checks every response the app sends against the response schema /openapi.json documents for its route
 * and status (an undocumented status is a mismatch too). Must be called before the app is ready; the
 * response itself is left untouched.
 */
export function checkResponseContract(app: FastifyInstance, report = failRunningTest): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    // No route matched: the 404 handler, not an operation.
    if (route === undefined) return payload;
    const problem = contractViolation(app.swagger() as OpenApiDocument, {
      method: request.method,
      path: route.replace(/:(\w+)/g, '{$1}'),
      status: reply.statusCode,
      body: typeof payload === 'string' ? payload : undefined,
    });
    if (problem !== undefined) report(problem);
    return payload;
  });
}
