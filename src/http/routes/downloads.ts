import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postmanCollection } from '../downloads/postman.ts';
import { restClientFile } from '../downloads/rest-client.ts';
import { API_TAGS } from '../plugins/openapi.ts';

const HttpFileQuery = z.object({
  client: z
    .enum(['httpyac', 'rest-client'])
    .optional()
    // A link never fails over its flavour: anything unknown gets the default file.
    .catch(undefined)
    .describe(
      'rest-client (default: the VS Code REST Client extension, as the reference says) or httpyac (with `??` assertions).',
    ),
});

/** The files point at the server they were downloaded from. */
function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The reference's "Downloads": a REST Client file and a Postman collection, built from one example list. */
async function registerDownloadRoutes(app: FastifyInstance): Promise<void> {
  const tags = [API_TAGS.operations];
  // The query arrives parsed by the route's schema (an unknown client already caught to undefined).
  app.withTypeProvider<ZodTypeProvider>().get(
    '/downloads/aptly-api.http',
    {
      schema: {
        tags,
        summary: '.http file (VS Code REST Client, or httpyac)',
        querystring: HttpFileQuery,
      },
    },
    async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', 'attachment; filename="aptly-api.http"')
        .send(restClientFile(baseUrlOf(request), request.query.client)),
  );
  app.get(
    '/downloads/aptly-api.postman_collection.json',
    { schema: { tags, summary: 'Postman Collection v2.1' } },
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="aptly-api.postman_collection.json"')
        .send(JSON.stringify(postmanCollection(baseUrlOf(request)), null, 2)),
  );
}

export const downloadRoutes = fp(registerDownloadRoutes, {
  name: 'aptly-route-downloads',
  encapsulate: true,
  dependencies: ['aptly-openapi'],
});
