import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ValidationError } from '../../domain/errors.ts';
import { describeJsonSyntaxError } from '../validation/json-syntax-error.ts';

/** Fastify tests the whole header: `application/json; charset=utf-8` (.NET, Java, …) is JSON too. */
const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads multipart files itself (request.file()): its body is not read into fields first. */
    multipartFiles?: boolean;
  }
}

/**
 * Bodies: JSON (malformed → a pydantic-style 422 naming the position), also when sent without any
 * Content-Type, as FastAPI reads it; form data (urlencoded and multipart, for key creation and login);
 * anything else as plain text, which the route's schema then refuses with a 422 ("value is not a valid
 * dict"), as FastAPI does, instead of a 415.
 */
async function bodyParsers(app: FastifyInstance): Promise<void> {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request: FastifyRequest, text, done) => {
    parseJsonBody(String(text), done);
  });
  await app.register(formbody);
  // Form fields here are short labels and credentials; files have no use.
  await app.register(multipart, { limits: { fields: 20, fieldSize: 64 * 1024, files: 0, parts: 20 } });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && request.routeOptions.config.multipartFiles !== true)
      request.body = await multipartFields(request);
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (request: FastifyRequest, text, done) => {
    if (request.headers['content-type'] === undefined) parseJsonBody(String(text), done);
    else done(null, text === '' ? undefined : text);
  });
}

function parseJsonBody(text: string, done: (error: Error | null, body?: unknown) => void): void {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch (error) {
    done(error as Error);
    return;
  }
  done(null, body);
}

/** The text fields of a multipart body; a body busboy cannot read is the client's error (400). */
async function multipartFields(request: FastifyRequest): Promise<Record<string, string | string[]>> {
  const fields: Record<string, string | string[]> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        await part.toBuffer();
        continue;
      }
      const value = String(part.value);
      const previous = fields[part.fieldname];
      fields[part.fieldname] = previous === undefined ? value : [previous, value].flat();
    }
  } catch (error) {
    if (isClientError(error)) throw error;
    throw new AppError('bad_request', 'Malformed multipart/form-data body');
  }
  return fields;
}

function isClientError(error: unknown): boolean {
  const status =
    typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const { position, message } = describeJsonSyntaxError(text);
    throw new ValidationError([{ loc: ['body', position], msg: message, type: 'value_error.jsondecode' }]);
  }
}

export const bodyParsersPlugin = fp(bodyParsers, { name: 'aptly-body-parsers' });
