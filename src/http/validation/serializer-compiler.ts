import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Success bodies go through their zod schema: only documented fields leave the server, in the documented
 * order. Error bodies are built in one place (http/errors.ts) and their schemas only document them, so
 * they are written as they are.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  if (route.httpStatus?.startsWith('2')) return serializerCompiler(route);
  return (data: unknown) => JSON.stringify(data);
};
