import type { ErrorBody } from './types.ts';

/** A refusal from the API: its status and its `detail` sentence (joined for a 422 list). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

function detailOf(body: unknown, status: number): string {
  const detail = (body as Partial<ErrorBody> | null)?.detail;
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) return detail.map((d) => `${d.loc.slice(1).join('.')}: ${d.msg}`).join('; ');
  return `The server answered ${status}.`;
}

/** fetch on this origin; JSON back, or an ApiError carrying the server's own explanation. */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError(0, 'The server could not be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, detailOf(body, response.status));
  return body as T;
}
