import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
export type OpenApiDocument = { paths?: Record<string, Record<string, OpenApiOperation>> };

/** One response as sent: the operation's path template (`/api/v1/jobs/{job_id}`), status and body text. */
export interface SentResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The body as sent; undefined when it is not text (a stream, a buffer). */
  readonly body: string | undefined;
}

/** One compiled document: validators by operation and status, compiled once on first use. */
interface CompiledDocument {
  readonly ajv: Ajv2020;
  readonly validators: Map<string, ValidateFunction>;
}

const DOCUMENT_ID = 'aptly-openapi';
// Every app of a test file serves the same document: compile it once per process, by content.
const compiled = new Map<string, CompiledDocument>();
// And look an app's document object up without serialising it for every response.
const byObject = new WeakMap<OpenApiDocument, CompiledDocument>();

function compiledFor(document: OpenApiDocument): CompiledDocument {
  const known = byObject.get(document);
  if (known) return known;
  const key = JSON.stringify(document);
  let entry = compiled.get(key);
  if (!entry) {
    // The OpenAPI 3.1 document is JSON Schema 2020-12 wherever it holds schemas; its other keys are ignored.
    const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    ajv.addSchema(document, DOCUMENT_ID);
    entry = { ajv, validators: new Map() };
    compiled.set(key, entry);
  }
  byObject.set(document, entry);
  return entry;
}

/** A JSON pointer segment inside a URI fragment. */
const segment = (s: string) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'));

/**
 * What is wrong with this response against the document, if anything: a status the operation does not
 * document, or a JSON body off the documented schema. Operations the document hides are not checked.
 */
export function contractViolation(document: OpenApiDocument, sent: SentResponse): string | undefined {
  const method = sent.method.toLowerCase();
  const operation = document.paths?.[sent.path]?.[method];
  if (!operation) return undefined;
  const where = `${sent.method} ${sent.path} → ${sent.status}`;
  const status = String(sent.status);
  const documented = operation.responses?.[status];
  if (!documented) return `${where}: status not documented`;
  const schema = documented.content?.['application/json']?.schema;
  if (schema === undefined) return undefined; // documented without a JSON body (text, files)
  if (sent.body === undefined) return `${where}: expected a JSON body`;
  const { ajv, validators } = compiledFor(document);
  const pointer = ['paths', sent.path, method, 'responses', status, 'content', 'application/json', 'schema'];
  const ref = `${DOCUMENT_ID}#/${pointer.map(segment).join('/')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  if (validate(JSON.parse(sent.body))) return undefined;
  return `${where}: ${ajv.errorsText(validate.errors)}\n${sent.body.slice(0, 500)}`;
}

/** The document's path template a concrete path falls under (`/api/v1/jobs/3f8a…` → `/api/v1/jobs/{job_id}`). */
export function pathTemplateOf(document: OpenApiDocument, path: string): string | undefined {
  return Object.keys(document.paths ?? {}).find((template) => {
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** Fails the running test (expect.soft), so the test's own assertions still report too. */
export function failRunningTest(problem: string): void {
  try {
    expect.soft(problem, 'the response must match its OpenAPI schema').toBeUndefined();
  } catch {
    // Outside a test (a beforeAll hook): no test to fail, so at least say it.
    console.error(`OpenAPI contract mismatch: ${problem}`);
  }
}
