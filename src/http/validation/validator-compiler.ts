import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../../domain/errors.ts';
import { type RequestPart, toPydanticIssues } from './pydantic-issues.ts';

const PARTS: Readonly<Record<string, RequestPart>> = {
  body: 'body',
  params: 'path',
  querystring: 'query',
  headers: 'header',
};

/**
 * Validates every request part with its zod schema and reports failures as a pydantic-style 422
 * (a ValidationError, mapped to HTTP in http/errors.ts). Fastify hands a missing part over as null; a
 * missing or null body is "field required", as FastAPI says it.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = PARTS[httpPart ?? 'body'] ?? 'body';
  return (data: unknown) => {
    const input = part === 'body' && data === null ? undefined : data;
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new ValidationError(toPydanticIssues(result.error.issues, part)) };
  };
};
