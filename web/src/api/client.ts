import { ApiError, requestJson } from './http.ts';
import type {
  AccessToken,
  CreatedKey,
  ExtractedDocument,
  JobListPage,
  JobView,
  KeyListing,
  KeyListingItem,
  ScreenRequest,
  ScreenResponse,
  WebhookSecret,
} from './types.ts';

export function login(email: string, password: string): Promise<AccessToken> {
  return requestJson<AccessToken>('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** The signed-in calls. A 401 means the session is over (expired or revoked): `onExpired` ends it. */
export function createApi(token: string, onExpired: () => void) {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    try {
      return await requestJson<T>(path, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onExpired();
      throw error;
    }
  };
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    listKeys: () => call<KeyListing>('/api/v1/keys'),
    createKey: (name: string) => call<CreatedKey>('/api/v1/keys', json('POST', { name })),
    revokeKey: (id: number) => call<KeyListingItem>(`/api/v1/keys/${id}`, { method: 'DELETE' }),
    webhookSecret: () => call<WebhookSecret>('/api/v1/webhooks/secret'),
    rotateWebhookSecret: () => call<WebhookSecret>('/api/v1/webhooks/secret/rotate', { method: 'POST' }),
    screen: (body: ScreenRequest) => call<ScreenResponse>('/api/v1/screen', json('POST', body)),
    job: (id: string) => call<JobView>(`/api/v1/jobs/${encodeURIComponent(id)}`),
    listJobs: (cursor?: string) =>
      call<JobListPage>(cursor ? `/api/v1/jobs?cursor=${encodeURIComponent(cursor)}` : '/api/v1/jobs'),
    extractDocument: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return call<ExtractedDocument>('/api/v1/documents/extract', { method: 'POST', body: form });
    },
  };
}

export type Api = ReturnType<typeof createApi>;
