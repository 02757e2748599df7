import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../bench/lib/serve-process.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { SYSTEMIC_FAILURE } from '../../../src/queue/index.ts';
import { PROMPT_VERSION } from '../../../src/scoring/llm/prompt.ts';
import { type RunningService, startService } from '../../../src/service/start-service.ts';
import { openAiUserMessage, startFakeOpenAi } from './support/fake-openai.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import { CV_PLAIN, HALLUCINATED_ANSWER, JOB_SPEC } from './support/fixtures.ts';

interface Running {
  readonly service: RunningService;
  readonly apiKey: string;
  readonly dir: string;
}

/** The whole service (API, worker, store) with APTLY_SCORER=openai-compatible, over real HTTP. */
async function startWithProvider(baseUrl: string, extra: Record<string, string> = {}): Promise<Running> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aptly-llm-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${path.join(dir, 'aptly.db')}`,
    PORT: '0',
    APTLY_SCORER: 'openai-compatible',
    APTLY_LLM_BASE_URL: baseUrl,
    APTLY_LLM_MODEL: 'qwen2.5:7b-instruct',
    APTLY_LLM_TIMEOUT: '2s',
    APTLY_POLL_INTERVAL: '20ms',
    APTLY_LOG_LEVEL: 'silent',
    ...extra,
  });
  let printed = '';
  const service = await startService({
    config,
    role: 'all',
    logger: pino({ level: 'silent' }),
    print: (text) => {
      printed += text;
    },
  });
  const apiKey = /aptly_[A-Za-z0-9_-]{54}/.exec(printed)?.[0] ?? '';
  return { service, apiKey, dir };
}

async function submitAndWait(running: Running, cvs: readonly string[]): Promise<Record<string, unknown>> {
  const headers = { 'x-api-key': running.apiKey, 'content-type': 'application/json' };
  const candidates = cvs.map((cv_text, i) => ({ candidate_ref: `c${i + 1}`, cv_text }));
  const submitted = await fetch(`${running.service.url}/api/v1/screen`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ job_spec: JOB_SPEC, candidates }),
  });
  expect(submitted.status).toBe(200);
  const { job_id } = (await submitted.json()) as { job_id: string };
  return vi.waitFor(
    async () => {
      const job = (await (
        await fetch(`${running.service.url}/api/v1/jobs/${job_id}`, { headers })
      ).json()) as Record<string, unknown>;
      if (job.status !== 'complete' && job.status !== 'failed')
        throw new Error(`still ${String(job.status)}`);
      return job;
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe('the service scoring with an LLM provider', () => {
  let fake: FakeProvider;
  const started: Running[] = [];
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    // A CV naming COBOL always gets an answer that is not JSON; every other CV a (partly hallucinated) one.
    fake.respondWith((request) =>
      openAiUserMessage(request.body).includes('COBOL')
        ? { kind: 'text', text: 'The candidate looks strong.' }
        : { kind: 'answer', answer: HALLUCINATED_ANSWER },
    );
  });
  afterAll(async () => {
    for (const running of started) {
      await running.service.stop();
      rmSync(running.dir, { recursive: true, force: true });
    }
    await fake.close();
  });

  it('completes a job: scored candidates, one failed with "JSON decode error", scoring names the model', async () => {
    const running = await startWithProvider(`${fake.url}/v1`);
    started.push(running);
    const job = await submitAndWait(running, [CV_PLAIN, `${CV_PLAIN}\nCOBOL`]);
    expect(job).toMatchObject({
      status: 'complete',
      processed_candidates: 2,
      scoring: { engine: 'openai-compatible', version: `model=qwen2.5:7b-instruct;prompt=${PROMPT_VERSION}` },
      failed: [{ candidate_ref: 'c2', error: 'JSON decode error' }],
    });
    expect(job.results).toEqual([
      expect.objectContaining({
        candidate_ref: 'c1',
        score: 90,
        verdict: 'Strong shortlist',
        match_reasons: ['Builds production APIs with FastAPI'],
      }),
    ]);
    const metrics = await (await fetch(`${running.service.url}/metrics`)).text();
    expect(metrics).toMatch(/aptly_llm_ungrounded_reasons_total 2/);
  });

  it('fails the job, every candidate failed with a clear error, when the provider stays unreachable', async () => {
    const port = await freePort(); // closed again: nothing listens there
    const running = await startWithProvider(`http://127.0.0.1:${port}/v1`, { APTLY_LLM_MAX_RETRIES: '0' });
    started.push(running);
    const job = await submitAndWait(running, [CV_PLAIN, `${CV_PLAIN}\nKafka`]);
    expect(job).toMatchObject({
      status: 'failed',
      results: [],
      failed: [
        { candidate_ref: 'c1', error: SYSTEMIC_FAILURE },
        { candidate_ref: 'c2', error: SYSTEMIC_FAILURE },
      ],
    });
  });

  it('refuses to start with an incomplete LLM configuration', async () => {
    await expect(startWithProvider('http://127.0.0.1:1/v1', { APTLY_LLM_MODEL: '' })).rejects.toThrow(
      /APTLY_LLM_MODEL/,
    );
  });
});
