import { describe, expect, it } from 'vitest';
import { AptlyClient, type JobListPage, UnauthorizedError } from '../../packages/client/src/index.ts';

const PAGE: JobListPage = {
  jobs: [
    {
      job_id: '45dbf8a8-fd10-4845-a5e0-7e720c1394fb',
      status: 'complete',
      total_candidates: 2,
      processed_candidates: 2,
      created_at: '2026-11-28T21:00:00.000000Z',
      expires_at: '2026-12-01T21:00:00.000000Z',
      completed_at: '2026-11-28T21:00:01.000000Z',
      source: 'api_key',
      key_prefix: 'aptly_W0koC4wbkKeUX4',
    },
  ],
  next_cursor: 'MjAyNi0xMS0yOA',
};

/** A client whose fetch records each request and answers with `status` and `body`. */
function recording(status: number, body: unknown) {
  const requests: { url: string; headers: Headers }[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  const client = new AptlyClient({ baseUrl: 'http://aptly.test', token: 'jwt-1', fetch: fetchStub });
  return { client, requests };
}

describe('listJobs', () => {
  it('GETs /api/v1/jobs with the dashboard JWT, limit and cursor, and returns the page', async () => {
    const { client, requests } = recording(200, PAGE);
    expect(await client.listJobs({ limit: 50, cursor: 'abc' })).toEqual(PAGE);
    const [request] = requests;
    expect(request?.url).toBe('http://aptly.test/api/v1/jobs?limit=50&cursor=abc');
    expect(request?.headers.get('authorization')).toBe('Bearer jwt-1');
    expect(request?.headers.get('x-api-key')).toBeNull();
  });

  it('without a query asks for the first page; a 401 is an UnauthorizedError', async () => {
    const { client, requests } = recording(401, { detail: 'Not authenticated' });
    await expect(client.listJobs()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(requests[0]?.url).toBe('http://aptly.test/api/v1/jobs');
  });
});
