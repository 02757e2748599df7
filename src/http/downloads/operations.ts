/**
 * Every API operation with a ready-to-send example, in the reference's order: the single source of the
 * .http file and the Postman collection (test/http/downloads.test.ts checks it covers every operation of
 * the OpenAPI document but /metrics and the downloads themselves, with its security scheme; test/clients/downloads.test.ts runs both files with
 * httpyac and newman against a live server). Paths and values name variables in braces ({jobId}); each
 * format writes them its own way.
 */
export interface ExampleOperation {
  /** Short id: the REST Client request name and the variable source for later requests. */
  readonly id: string;
  readonly title: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly auth: 'api_key' | 'bearer' | 'none';
  readonly body?:
    | { readonly type: 'json'; readonly value: unknown }
    | { readonly type: 'form'; readonly value: Readonly<Record<string, string>> };
  /** Variables this request's JSON response sets for later ones: variable → response field. */
  readonly captures?: Readonly<Record<string, string>>;
  /** Top-level fields of the JSON response the files assert, besides status 200. */
  readonly checks?: Readonly<Record<string, string | number | boolean>>;
}

export const EXAMPLE_VARIABLES = {
  apiKey: 'aptly_your_key_here',
  email: 'admin@localhost',
  password: 'your_password',
} as const;

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    id: 'health',
    title: 'Check the server answers',
    method: 'GET',
    path: '/healthz',
    auth: 'none',
    checks: { status: 'ok' },
  },
  {
    id: 'ready',
    title: 'Check the server is ready (database reachable, migrations applied)',
    method: 'GET',
    path: '/readyz',
    auth: 'none',
    checks: { status: 'ready' },
  },
  {
    id: 'screen',
    title: 'Submit a screening job',
    method: 'POST',
    path: '/api/v1/screen',
    auth: 'api_key',
    body: {
      type: 'json',
      value: {
        job_spec:
          'Senior Python Developer with 5+ years of experience building production APIs. Must have: FastAPI or Django REST, PostgreSQL, experience with async Python. Nice to have: AWS, Docker, Redis.',
        candidates: [
          {
            candidate_ref: 'ats-candidate-8821',
            cv_text:
              'Jane Smith. Software Engineer. 7 years Python experience, FastAPI, PostgreSQL, asyncio, AWS...',
          },
          {
            candidate_ref: 'ats-candidate-9034',
            cv_text: 'Mark Chen. Backend Developer. 3 years Node.js, 1 year Python...',
          },
        ],
      },
    },
    captures: { jobId: 'job_id' },
    checks: { status: 'pending', total_candidates: 2 },
  },
  {
    id: 'job',
    title: 'Retrieve job results (send again until status is complete)',
    method: 'GET',
    path: '/api/v1/jobs/{jobId}',
    auth: 'api_key',
    checks: { job_id: '{jobId}', total_candidates: 2 },
  },
  {
    id: 'login',
    title: 'Log in (dashboard JWT for the endpoints below)',
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: 'none',
    body: { type: 'json', value: { email: '{email}', password: '{password}' } },
    captures: { token: 'access_token' },
    checks: { token_type: 'bearer' },
  },
  {
    id: 'listKeys',
    title: 'List API keys',
    method: 'GET',
    path: '/api/v1/keys',
    auth: 'bearer',
    checks: { api_access_enabled: true },
  },
  {
    id: 'createKey',
    title: 'Create an API key',
    method: 'POST',
    path: '/api/v1/keys',
    auth: 'bearer',
    body: { type: 'form', value: { name: 'Integration test' } },
    captures: { keyId: 'id' },
    checks: { name: 'Integration test' },
  },
  {
    id: 'revokeKey',
    title: 'Revoke an API key (here: the one just created)',
    method: 'DELETE',
    path: '/api/v1/keys/{keyId}',
    auth: 'bearer',
    checks: { revoked: true },
  },
  {
    id: 'webhookSecret',
    title: 'Get the webhook signing secret',
    method: 'GET',
    path: '/api/v1/webhooks/secret',
    auth: 'bearer',
  },
  {
    id: 'rotateWebhookSecret',
    title: 'Rotate the webhook signing secret',
    method: 'POST',
    path: '/api/v1/webhooks/secret/rotate',
    auth: 'bearer',
  },
  {
    id: 'listJobs',
    title: 'List your organisation’s recent jobs, newest first (page with ?cursor=)',
    method: 'GET',
    path: '/api/v1/jobs',
    auth: 'bearer',
  },
  {
    id: 'decisions',
    title: 'Export the decision log (for bias audits; page with ?cursor=, filter with ?since= and ?until=)',
    method: 'GET',
    path: '/api/v1/decisions',
    auth: 'bearer',
  },
];

/** `{name}` placeholders → `{{name}}`, the variable syntax of both REST Client and Postman. */
export function withVariables(text: string): string {
  return text.replace(/\{(\w+)\}/g, '{{$1}}');
}
