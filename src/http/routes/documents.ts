import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { organisationOf } from '../../accounts/index.ts';
import { extractDocumentText } from '../../documents/extract-document-text.ts';
import { MAX_DOCUMENT_BYTES } from '../../documents/result.ts';
import { badRequest } from '../../domain/errors.ts';
import { userOf } from '../plugins/auth.ts';
import { API_TAGS } from '../plugins/openapi.ts';
import { ExtractedDocument } from '../schemas/documents.schema.ts';
import { errorResponse, USER_ERRORS } from '../schemas/errors.schema.ts';

/** Room for the multipart framing around the largest document accepted. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * POST /api/v1/documents/extract: the dashboard's workspace turns a dropped PDF or Word CV into text here,
 * with the same extraction as `aptly screen`. Dashboard users only (JWT); nothing is stored or logged but
 * the outcome. Hidden from /openapi.json: integrations extract text themselves, as the reference says.
 */
async function registerDocumentRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/documents/extract',
    {
      onRequest: [app.limitPerAddress, app.requireUser],
      bodyLimit: MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD_BYTES,
      config: { multipartFiles: true },
      schema: {
        // The dashboard's own helper, not part of the integration API (nor of its downloads and clients).
        hide: true,
        tags: [API_TAGS.screening],
        summary: 'Extract the text of a CV document',
        description:
          'multipart/form-data with one file in the field `file` (.txt, .md, .pdf or .docx, up to 20 MiB). ' +
          'Returns its text for a cv_text or job_spec. Used by the dashboard; uses the dashboard JWT.',
        security: [{ Bearer: [] }],
        consumes: ['multipart/form-data'],
        response: {
          200: ExtractedDocument.describe('The document’s text.'),
          400: errorResponse(
            'No file, not multipart, or a file without usable text (scanned, corrupt, protected, unsupported).',
          ),
          ...USER_ERRORS,
          413: errorResponse('The file is larger than 20 MiB.'),
        },
      },
    },
    async (request) => {
      organisationOf(userOf(request));
      if (!request.isMultipart())
        throw badRequest('Send the file as multipart/form-data in the field "file"');
      const part = await request.file({ limits: { files: 1, fileSize: MAX_DOCUMENT_BYTES, parts: 4 } });
      if (!part) throw badRequest('Send the file as multipart/form-data in the field "file"');
      const bytes = await part.toBuffer();
      const result = await extractDocumentText(part.filename, bytes);
      // The outcome only: never the text, never the file name (it can be a person's name).
      request.log.info({ bytes: bytes.byteLength, ok: result.ok }, 'document extracted');
      if (!result.ok) throw badRequest(`${part.filename}: ${result.error}`);
      return { file_name: part.filename, text: result.text };
    },
  );
}

export const documentRoutes = fp(registerDocumentRoutes, {
  name: 'aptly-route-documents',
  encapsulate: true,
  dependencies: ['aptly-auth', 'aptly-rate-limit', 'aptly-openapi'],
});
