import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { type Aptly, aptly, freePort, KEY, ready, until } from './serve-process.ts';

const directories: string[] = [];
function tempDatabase(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aptly-serve-test-'));
  directories.push(dir);
  return `sqlite:${path.join(dir, 'aptly.db')}`;
}

afterAll(() => {
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

async function screenAndWait(
  baseUrl: string,
  apiKey: string,
): Promise<{ status: string; results: unknown[] }> {
  const submitted = await fetch(`${baseUrl}/api/v1/screen`, {
    method: 'POST',
    headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      job_spec: 'Senior Python developer with 5+ years FastAPI experience and PostgreSQL.',
      candidates: [
        {
          candidate_ref: 'internal-id-001',
          cv_text: '7 years Python experience, built APIs with FastAPI and PostgreSQL.',
        },
        { candidate_ref: 'internal-id-002', cv_text: '2 years of retail sales.' },
      ],
    }),
  });
  expect(submitted.status).toBe(200);
  const { job_id } = (await submitted.json()) as { job_id: string };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await (
      await fetch(`${baseUrl}/api/v1/jobs/${job_id}`, { headers: { 'X-API-Key': apiKey } })
    ).json()) as {
      status: string;
      results: unknown[];
    };
    if (job.status === 'complete' || Date.now() > deadline) return job;
    await sleep(100);
  }
}

describe('aptly serve', () => {
  it('first start prints the bootstrap key once, serves a job end to end, and stops on SIGTERM with 0', async () => {
    const database = tempDatabase();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = aptly(['serve'], { PORT: String(port), DATABASE_URL: database });
    try {
      const apiKey = await until('the bootstrap key', () => KEY.exec(first.stdout())?.[0], first);
      await until('readiness', () => ready(baseUrl), first);
      const banner = first.stdout();
      expect(banner.match(/API key:/g)).toHaveLength(1);
      expect(banner).toContain('admin@localhost');
      expect(banner).toContain(`curl -X POST ${baseUrl}/api/v1/screen -H "X-API-Key: ${apiKey}"`);
      expect(banner).toContain(`Dashboard:     ${baseUrl}/`);
      const job = await screenAndWait(baseUrl, apiKey);
      expect(job.status).toBe('complete');
      expect(job.results).toHaveLength(2);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    // Logs are JSON lines; none carries the key the banner showed.
    const key = KEY.exec(first.stdout())?.[0] ?? '';
    const logLines = first
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(3);
    for (const line of logLines) expect(line).not.toContain(key);

    const again = aptly(['serve', '--role', 'all'], { PORT: String(port), DATABASE_URL: database });
    try {
      await until('readiness after restart', () => ready(baseUrl), again);
      expect(again.stdout()).not.toMatch(KEY);
      expect(again.stdout()).not.toContain('API key:');
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
  });

  it('--role api and --role worker run apart on one database: the API queues, the worker scores', async () => {
    const database = tempDatabase();
    const apiPort = await freePort();
    const workerPort = await freePort();
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const api = aptly(['serve', '--role', 'api'], { PORT: String(apiPort), DATABASE_URL: database });
    let worker: Aptly | undefined;
    try {
      const apiKey = await until('the bootstrap key', () => KEY.exec(api.stdout())?.[0], api);
      await until('readiness', () => ready(baseUrl), api);
      worker = aptly(['serve', '--role', 'worker'], { PORT: String(workerPort), DATABASE_URL: database });
      const job = await screenAndWait(baseUrl, apiKey);
      expect(job.status).toBe('complete');
      await expect(fetch(`http://127.0.0.1:${workerPort}/healthz`)).rejects.toThrow();
      expect(worker.stdout()).not.toMatch(KEY);
    } finally {
      api.child.kill('SIGTERM');
      worker?.child.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
    expect(await worker?.exited).toBe(0);
  });

  it('a worker with APTLY_METRICS_PORT serves its own series there, and nothing on PORT', async () => {
    const database = tempDatabase();
    const [apiPort, workerPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const api = aptly(['serve', '--role', 'api'], { PORT: String(apiPort), DATABASE_URL: database });
    let worker: Aptly | undefined;
    try {
      const apiKey = await until('the bootstrap key', () => KEY.exec(api.stdout())?.[0], api);
      await until('readiness', () => ready(baseUrl), api);
      worker = aptly(['serve', '--role', 'worker'], {
        PORT: String(workerPort),
        APTLY_METRICS_PORT: String(metricsPort),
        DATABASE_URL: database,
      });
      expect((await screenAndWait(baseUrl, apiKey)).status).toBe('complete');
      const metricsUrl = `http://127.0.0.1:${metricsPort}`;
      const text = await (await fetch(`${metricsUrl}/metrics`)).text();
      expect(text).toMatch(/^aptly_scoring_duration_seconds_count\{engine="[^"]+"\} [1-9]/m);
      expect(text).toMatch(/^aptly_candidates_scored_total\{outcome="scored"\} [1-9]/m);
      expect(text).toMatch(/^aptly_jobs\{status="complete"\} 1$/m);
      expect((await fetch(`${metricsUrl}/api/v1/jobs/x`)).status).toBe(404);
      await expect(fetch(`http://127.0.0.1:${workerPort}/healthz`)).rejects.toThrow();
    } finally {
      api.child.kill('SIGTERM');
      worker?.child.kill('SIGTERM');
    }
    expect(await api.exited).toBe(0);
    expect(await worker?.exited).toBe(0);
  });

  it('with PORT=0 the banner names the port the OS chose', async () => {
    const server = aptly(['serve'], { PORT: '0', DATABASE_URL: tempDatabase() });
    try {
      await until('the bootstrap key', () => KEY.exec(server.stdout())?.[0], server);
      const port = Number(
        /curl -X POST http:\/\/127\.0\.0\.1:(\d+)\/api\/v1\/screen/.exec(server.stdout())?.[1],
      );
      expect(port).toBeGreaterThan(0);
      await until('readiness on the printed port', () => ready(`http://127.0.0.1:${port}`), server);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('a bad configuration is refused with a message naming the variable and exit code 1', async () => {
    const bad = aptly(['serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toContain('invalid configuration');
    expect(bad.stderr()).toContain('PORT');
    expect(bad.stderr()).toContain('DATABASE_URL');
  });
});

describe('aptly migrate', () => {
  it('applies pending migrations, says which, and then that there are none', async () => {
    const database = tempDatabase();
    const first = aptly(['migrate'], { DATABASE_URL: database });
    expect(await first.exited).toBe(0);
    const names = Object.keys(MIGRATIONS);
    expect(names.length).toBeGreaterThan(1);
    expect(first.stdout()).toBe(
      `Applied ${names.length} migrations:\n${names.map((n) => `  ${n}\n`).join('')}`,
    );
    const second = aptly(['migrate'], { DATABASE_URL: database });
    expect(await second.exited).toBe(0);
    expect(second.stdout()).toBe('Database is up to date: no pending migrations.\n');
  });
});
