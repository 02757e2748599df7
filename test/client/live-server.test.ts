import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AptlyClient,
  BadRequestError,
  type JobProgress,
  NotFoundError,
  QuotaExceededError,
  type ScreenRequest,
  UnauthorizedError,
  ValidationError,
  verifyWebhook,
} from '../../packages/client/src/index.ts';
import { contractCheckedFetch } from '../support/contract-fetch.ts';
import { bootstrapAdmin } from '../support/live-admin.ts';
import { useLiveServer } from '../support/live-server.ts';
import { type Receiver, startReceiver } from '../webhooks/support/receiver.ts';

/**
 * The TypeScript client against `aptly serve` over a real socket, as an integration would use it; every
 * answer is also checked against the server's documented response schemas.
 */
const run = promisify(execFile);
const ADMIN_CLI = fileURLToPath(new URL('../cli/admin-process.ts', import.meta.url));

const BATCH: ScreenRequest = {
  job_spec: 'Senior Python developer. Must have: 5+ years Python, FastAPI, PostgreSQL. Nice to have: AWS.',
  candidates: [
    { candidate_ref: 'cand-1', cv_text: '7 years Python, FastAPI and PostgreSQL in production; AWS.' },
    { candidate_ref: 'cand-2', cv_text: '3 years Node.js, some Python.' },
    { candidate_ref: 'cand-3', cv_text: 'Python developer, 6 years, FastAPI, Django, PostgreSQL.' },
  ],
};

// Webhooks to this machine's receiver over http: allowed for tests only.
const live = useLiveServer({ APTLY_WEBHOOK_ALLOW_PRIVATE: '1' });
let receiver: Receiver | undefined;

beforeAll(async () => {
  receiver = await startReceiver(() => 200);
});

afterAll(async () => {
  await receiver?.close();
});

/** A client of the live server whose every answer is checked against the OpenAPI document. */
const clientWith = (credentials: { apiKey?: string } = {}) =>
  new AptlyClient({ baseUrl: live().baseUrl, fetch: contractCheckedFetch(live().baseUrl), ...credentials });
const apiClient = () => clientWith({ apiKey: live().apiKey });

async function adminClient(): Promise<AptlyClient> {
  const client = clientWith();
  const { email, password } = bootstrapAdmin(live());
  await client.login(email, password);
  return client;
}

/** `aptly org|key create …` on the live server's database; prints one JSON object. */
async function admin(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', ADMIN_CLI, ...args], {
    env: { ...process.env, DATABASE_URL: live().databaseUrl, APTLY_LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('the TypeScript client against a live server', () => {
  it('screenAndWait submits, reports progress from processed_candidates, and returns the ranked results', async () => {
    const progress: JobProgress[] = [];
    const job = await apiClient().screenAndWait(BATCH, {
      intervalMs: 50,
      maxIntervalMs: 200,
      timeoutMs: 30_000,
      onProgress: (p) => progress.push(p),
    });
    expect(job.status).toBe('complete');
    expect(job.results?.map((r) => r.candidate_ref).sort()).toEqual(['cand-1', 'cand-2', 'cand-3']);
    const scores = job.results?.map((r) => r.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(progress.at(-1)).toMatchObject({ status: 'complete', processed: 3, total: 3 });
    expect(progress.every((p, i) => i === 0 || p.processed >= (progress[i - 1]?.processed ?? 0))).toBe(true);
  }, 40_000);

  it('answers with typed errors: 404, 401, 400 and 422 with its details', async () => {
    await expect(apiClient().getJob(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    const stranger = clientWith({ apiKey: `aptly_${'x'.repeat(54)}` });
    await expect(stranger.getJob(randomUUID())).rejects.toBeInstanceOf(UnauthorizedError);
    const duplicate = { ...BATCH, candidates: [BATCH.candidates[0], BATCH.candidates[0]] } as ScreenRequest;
    await expect(apiClient().screen(duplicate)).rejects.toMatchObject({
      name: 'BadRequestError',
      detail: expect.stringContaining('Duplicate candidate_ref'),
    });
    await expect(apiClient().screen({ ...BATCH, job_spec: ' ' })).rejects.toBeInstanceOf(BadRequestError);
    const missingCv = { job_spec: 'x', candidates: [{ candidate_ref: 'a' }] } as unknown as ScreenRequest;
    const invalid = await apiClient()
      .screen(missingCv)
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).details).toContainEqual(
      expect.objectContaining({ loc: ['body', 'candidates', 0, 'cv_text'], msg: 'field required' }),
    );
  });

  it('manages keys with the dashboard JWT: create, use, revoke; a revoked key answers 401', async () => {
    const client = await adminClient();
    const created = await client.createKey('Client test');
    expect(created.key).toMatch(/^aptly_/);
    expect((await client.listKeys()).keys.map((k) => k.id)).toContain(created.id);
    const withNewKey = clientWith({ apiKey: created.key });
    expect((await withNewKey.screen(BATCH)).status).toBe('pending');
    expect(await client.revokeKey(created.id)).toMatchObject({ id: created.id, revoked: true });
    await expect(withNewKey.getJob(randomUUID())).rejects.toBeInstanceOf(UnauthorizedError);
  }, 20_000);

  it('a delivered webhook verifies with the secret from getWebhookSecret()', async () => {
    const client = await adminClient();
    const rotated = await client.rotateWebhookSecret();
    expect(await client.getWebhookSecret()).toEqual(rotated);
    const submitted = await apiClient().screen({ ...BATCH, webhook_url: receiver?.url });
    const job = await apiClient().waitForJob(submitted.job_id, { intervalMs: 50, timeoutMs: 30_000 });
    for (let i = 0; i < 200 && receiver?.requests.length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const delivery = receiver?.requests[0];
    if (!delivery) throw new Error('no webhook delivery arrived');
    const payload = await verifyWebhook(rotated.webhook_secret, delivery.body, delivery.headers);
    expect(payload).toMatchObject({ job_id: job.job_id, status: 'complete', results: job.results });
    await expect(
      verifyWebhook(rotated.webhook_secret, delivery.body.replace('complete', 'failed'), delivery.headers),
    ).rejects.toThrow('no signature matches');
  }, 40_000);

  it('a submission over the monthly hard cap is a QuotaExceededError carrying the 429 fields', async () => {
    const org = await admin(['org', 'create', '--name', 'Small', '--committed', '1', '--hard-cap', '1']);
    const key = await admin(['key', 'create', '--org', String(org.id), '--name', 'small']);
    const small = clientWith({ apiKey: String(key.key) });
    const refused = await small.screen(BATCH).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect(refused).toMatchObject({
      status: 429,
      currentUsage: 0,
      hardCap: 1,
      requestedCount: 3,
      billingMonth: expect.stringMatching(/^\d{4}-\d{2}$/),
    });
  }, 30_000);

  it('lists the organisation’s recent jobs, newest first, with the key that submitted each', async () => {
    const { job_id } = await apiClient().screen(BATCH);
    const page = await (await adminClient()).listJobs({ limit: 5 });
    expect(page.jobs[0]).toMatchObject({ job_id, source: 'api_key', key_prefix: live().apiKey.slice(0, 20) });
  });

  it('reads the decision log, and an aborted wait stops with the abort reason', async () => {
    const client = await adminClient();
    const page = await client.listDecisions({ limit: 1000 });
    expect(page.decisions.some((d) => d.candidate_ref === 'cand-1')).toBe(true);
    const { job_id } = await apiClient().screen(BATCH);
    await expect(
      apiClient().waitForJob(job_id, { signal: AbortSignal.abort(new Error('stop')) }),
    ).rejects.toThrow('stop');
  });
});
