import { type CallOptions, call, type TransportOptions } from './transport.ts';
import type {
  ApiKey,
  ApiKeyListing,
  CreatedApiKey,
  DecisionPage,
  DecisionsQuery,
  Job,
  JobListPage,
  JobListQuery,
  ScreenRequest,
  ScreenResponse,
  Token,
  WebhookSecret,
} from './types.ts';
import { type WaitOptions, waitForJob } from './wait.ts';

export interface AptlyClientOptions {
  /** The server, e.g. https://api.aptly.pro or http://127.0.0.1:8080. */
  readonly baseUrl: string;
  /** `aptly_…`: screening calls (screen, getJob, waitForJob). */
  readonly apiKey?: string;
  /** A dashboard JWT: key management, job list, webhook secret and decision log calls. login() sets it too. */
  readonly token?: string;
  /** Another fetch (a proxy agent, a test double); default the global fetch. */
  readonly fetch?: typeof fetch;
  readonly userAgent?: string;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface ScreenOptions extends RequestOptions {
  /** Repeat a submission safely: the same key and body return the first job, charged once (24 h). */
  readonly idempotencyKey?: string;
}

/** The Aptly Intelligence API. Every failure is a typed error (errors.ts); nothing is logged. */
export class AptlyClient {
  readonly #transport: TransportOptions;
  readonly #apiKey: string | undefined;
  #token: string | undefined;

  constructor(options: AptlyClientOptions) {
    this.#apiKey = options.apiKey;
    this.#token = options.token;
    this.#transport = {
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      credentials: () => ({ apiKey: this.#apiKey, token: this.#token }),
      userAgent: options.userAgent,
    };
  }

  #call<T>(method: string, path: string, options: CallOptions): Promise<T> {
    return call<T>(this.#transport, method, path, options);
  }

  /** POST /api/v1/screen: submits the batch; the job is scored asynchronously. */
  screen(request: ScreenRequest, options: ScreenOptions = {}): Promise<ScreenResponse> {
    const headers = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined;
    return this.#call('POST', '/api/v1/screen', {
      auth: 'api_key',
      json: request,
      ...(headers ? { headers } : {}),
      signal: options.signal,
    });
  }

  /** GET /api/v1/jobs/{job_id}: status, progress, and results once complete. */
  getJob(jobId: string, options: RequestOptions = {}): Promise<Job> {
    return this.#call('GET', `/api/v1/jobs/${encodeURIComponent(jobId)}`, {
      auth: 'api_key',
      signal: options.signal,
    });
  }

  /** Polls the job (backoff, progress callback, abort signal, timeout) until it is complete or failed. */
  waitForJob(jobId: string, options: WaitOptions = {}): Promise<Job> {
    return waitForJob((signal) => this.getJob(jobId, signal ? { signal } : {}), jobId, options);
  }

  /** screen() then waitForJob(): the finished job with its results. */
  async screenAndWait(request: ScreenRequest, options: WaitOptions & ScreenOptions = {}): Promise<Job> {
    const { job_id } = await this.screen(request, options);
    return this.waitForJob(job_id, options);
  }

  /** POST /api/v1/auth/login: a dashboard JWT, which this client then uses for the calls that need one. */
  async login(email: string, password: string, options: RequestOptions = {}): Promise<Token> {
    const token = await this.#call<Token>('POST', '/api/v1/auth/login', {
      auth: 'none',
      json: { email, password },
      signal: options.signal,
    });
    this.#token = token.access_token;
    return token;
  }

  /** GET /api/v1/keys: every key of the organisation, revoked ones included, with usage. */
  listKeys(options: RequestOptions = {}): Promise<ApiKeyListing> {
    return this.#call('GET', '/api/v1/keys', { auth: 'bearer', signal: options.signal });
  }

  /** POST /api/v1/keys: the full key is in the answer once only; store it at once. */
  createKey(name: string, options: RequestOptions = {}): Promise<CreatedApiKey> {
    return this.#call('POST', '/api/v1/keys', { auth: 'bearer', form: { name }, signal: options.signal });
  }

  /** DELETE /api/v1/keys/{key_id}: irreversible; the key answers 401 at once. */
  revokeKey(keyId: number, options: RequestOptions = {}): Promise<ApiKey> {
    return this.#call('DELETE', `/api/v1/keys/${keyId}`, { auth: 'bearer', signal: options.signal });
  }

  /** GET /api/v1/webhooks/secret: the `whsec_` secret verifyWebhook() checks deliveries with. */
  getWebhookSecret(options: RequestOptions = {}): Promise<WebhookSecret> {
    return this.#call('GET', '/api/v1/webhooks/secret', { auth: 'bearer', signal: options.signal });
  }

  /** POST /api/v1/webhooks/secret/rotate: a new secret; deliveries are signed with it from now on. */
  rotateWebhookSecret(options: RequestOptions = {}): Promise<WebhookSecret> {
    return this.#call('POST', '/api/v1/webhooks/secret/rotate', { auth: 'bearer', signal: options.signal });
  }

  /** GET /api/v1/jobs: one page of the organisation's unexpired jobs, newest first (next_cursor for the next). */
  listJobs(query: JobListQuery = {}, options: RequestOptions = {}): Promise<JobListPage> {
    return this.#call('GET', '/api/v1/jobs', { auth: 'bearer', query, signal: options.signal });
  }

  /** GET /api/v1/decisions: one page of the decision log (next_cursor for the next). */
  listDecisions(query: DecisionsQuery = {}, options: RequestOptions = {}): Promise<DecisionPage> {
    return this.#call('GET', '/api/v1/decisions', { auth: 'bearer', query, signal: options.signal });
  }
}
