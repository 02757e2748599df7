import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expect } from 'vitest';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type OpenApiDocument = { paths?: Record<string, Record<string, OpenApiOperation>> };

/** One compiled document: validators by operation and status, compiled once on first use. */
interface CompiledDocument {
  readonly ajv: Ajv2020;
  readonly validators: Map<string, ValidateFunction>;
}

const DOCUMENT_ID = 'aptly-openapi';
// Every app of a test file serves the same document: compile it once per process.
const compiled = new Map<string, CompiledDocument>();

function compiledFor(document: OpenApiDocument): CompiledDocument {
  const key = JSON.stringify(document);
  let entry = compiled.get(key);
  if (!entry) {
    // The OpenAPI 3.1 document is JSON Schema 2020-12 wherever it holds schemas; its other keys are ignored.
    const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    ajv.addSchema(document, DOCUMENT_ID);
    entry = { ajv, validators: new Map() };
    compiled.set(key, entry);
  }
  return entry;
}

/** A JSON pointer segment inside a URI fragment. */
const segment = (s: string) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'));

/** What is wrong with this response against the document, if anything. */
function violation(
  document: OpenApiDocument,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): string | undefined {
  const route = request.routeOptions.url;
  if (route === undefined) return undefined; // no route matched: the 404 handler, not an operation
  const path = route.replace(/:(\w+)/g, '{$1}');
  const method = request.method.toLowerCase();
  const operation = document.paths?.[path]?.[method];
  if (!operation) return undefined; // a hidden route (/openapi.json, /docs)
  const where = `${request.method} ${path} → ${reply.statusCode}`;
  const status = String(reply.statusCode);
  const documented = operation.responses?.[status];
  if (!documented) return `${where}: status not documented`;
  const schema = documented.content?.['application/json']?.schema;
  if (schema === undefined) return undefined; // documented without a JSON body (text, files)
  if (typeof payload !== 'string') return `${where}: expected a JSON body, got ${typeof payload}`;
  const { ajv, validators } = compiledFor(document);
  const pointer = ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema'];
  const ref = `${DOCUMENT_ID}#/${pointer.map(segment).join('/')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  if (validate(JSON.parse(payload))) return undefined;
  return `${where}: ${ajv.errorsText(validate.errors)}\n${payload.slice(0, 500)}`;
}

/** Fails the running test (expect.soft), so the test's own assertions still report too. */
function failRunningTest(problem: string): void {
  try {
    expect.soft(problem, 'the response must match its OpenAPI schema').toBeUndefined();
  } catch {
    // Outside a test (a beforeAll hook): no test to fail, so at least say it.
    console.error(`OpenAPI contract mismatch: ${problem}`);
  }
}

/**
 * Checks every response the app sends against the response schema /openapi.json documents for its route
 * and status (an undocumented status is a mismatch too). Must be called before the app is ready; the
 * response itself is left untouched.
 */
export function checkResponseContract(app: FastifyInstance, report = failRunningTest): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const problem = violation(app.swagger() as OpenApiDocument, request, reply, payload);
    if (problem !== undefined) report(problem);
    return payload;
  });
}
