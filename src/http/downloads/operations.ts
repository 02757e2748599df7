/**
 * Every API operation with a ready-to-send example, in the reference's order: the single source of the
 * REST Client file and the Postman collection (a test checks it covers every /api/v1 route).
 * Paths name variables in braces ({jobId}); each format writes them its own way.
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
}

export const EXAMPLE_VARIABLES = {
  apiKey: 'aptly_your_key_here',
  email: 'admin@localhost',
  password: 'your_password',
  keyId: '1',
} as const;

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
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
  },
  { id: 'job', title: 'Retrieve job results', method: 'GET', path: '/api/v1/jobs/{jobId}', auth: 'api_key' },
  {
    id: 'login',
    title: 'Log in (dashboard JWT for the endpoints below)',
    method: 'POST',
    path: '/api/v1/auth/login',
    auth: 'none',
    body: { type: 'json', value: { email: '{email}', password: '{password}' } },
    captures: { token: 'access_token' },
  },
  { id: 'listKeys', title: 'List API keys', method: 'GET', path: '/api/v1/keys', auth: 'bearer' },
  {
    id: 'createKey',
    title: 'Create an API key',
    method: 'POST',
    path: '/api/v1/keys',
    auth: 'bearer',
    body: { type: 'form', value: { name: 'Production' } },
  },
  {
    id: 'revokeKey',
    title: 'Revoke an API key',
    method: 'DELETE',
    path: '/api/v1/keys/{keyId}',
    auth: 'bearer',
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
];

/** `{name}` placeholders → `{{name}}`, the variable syntax of both REST Client and Postman. */
export function withVariables(text: string): string {
  return text.replace(/\{(\w+)\}/g, '{{$1}}');
}
