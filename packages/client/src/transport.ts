import { errorFromResponse } from './error-from-response.ts';

/** How a call authenticates: the API key, the dashboard JWT, or not at all (login). */
export type Auth = 'api_key' | 'bearer' | 'none';

export interface TransportOptions {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly credentials: () => { apiKey: string | undefined; token: string | undefined };
  readonly userAgent: string | undefined;
}

export interface CallOptions {
  readonly auth: Auth;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

/** One HTTP call: JSON in and out, credentials per call, a typed error for any non-2xx answer. */
export async function call<T>(
  transport: TransportOptions,
  method: string,
  path: string,
  options: CallOptions,
): Promise<T> {
  const headers = new Headers({ accept: 'application/json', ...options.headers });
  if (transport.userAgent) headers.set('user-agent', transport.userAgent);
  const { apiKey, token } = transport.credentials();
  if (options.auth === 'api_key') headers.set('x-api-key', required(apiKey, 'an API key (apiKey)'));
  if (options.auth === 'bearer')
    headers.set('authorization', `Bearer ${required(token, 'a dashboard JWT (token, or call login())')}`);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams({ ...options.form }).toString();
  }
  const response = await transport.fetch(url(transport.baseUrl, path, options.query), {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  const parsed = parse(text);
  if (!response.ok) throw errorFromResponse(response, parsed);
  return parsed as T;
}

function url(baseUrl: string, path: string, query: CallOptions['query']): string {
  const target = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined) target.searchParams.set(name, String(value));
  return target.toString();
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new TypeError(`this call needs ${what}`);
  return value;
}
