import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServer, startLiveServer } from '../support/live-server.ts';
import { type ScreenFixture, writeScreenFixture } from './screen-fixtures.ts';
import { failedOn, type Results, screen } from './screen-process.ts';

/** `aptly screen --server`: the same folder of txt, md, PDF and Word CVs, scored by a live server. */
let fx: ScreenFixture;
let server: LiveServer;
beforeAll(async () => {
  fx = writeScreenFixture();
  server = await startLiveServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(fx.root, { recursive: true, force: true });
});

describe('aptly screen --server', () => {
  it('submits the readable CVs, waits for the job and prints what embedded scoring prints', async () => {
    const remote = await screen(
      '--job',
      fx.spec,
      '--format',
      'json',
      '--server',
      server.baseUrl,
      '--api-key',
      server.apiKey,
      fx.cvDir,
    );
    // Embedded, "present" is today: the server scores as of the job's submission, also today.
    const embedded = await screen('--job', fx.spec, '--format', 'json', fx.cvDir);
    expect(remote.code).toBe(1);
    const remoteResults = JSON.parse(remote.stdout) as Results;
    expect(remoteResults.map((r) => r.candidate_ref).sort()).toEqual([
      'priya',
      'priya-docx',
      'strong',
      'two-column',
      'unrelated',
      'weak',
    ]);
    const localResults = JSON.parse(embedded.stdout) as Results;
    const scores = (results: Results) =>
      Object.fromEntries(results.map((r) => [r.candidate_ref, [r.score, r.verdict]]));
    expect(scores(remoteResults)).toEqual(scores(localResults));
    // Files that never reached the server are still reported, on stderr.
    expect(failedOn(remote.stderr)).toEqual(['blank', 'scan', 'scanned']);
    expect(remote.stderr).toMatch(/Could not score scan: .*no extractable text/);
    expect(remote.stderr).toMatch(/Progress: 6\/6 scored/);
    expect(remote.stderr).toMatch(/Done: 6 scored, 3 failed/);
    // The key is never echoed.
    expect(remote.stderr + remote.stdout).not.toContain(server.apiKey);
  });

  it('prints the server table and exits 0 when every CV is scored', async () => {
    const run = await screen(
      '--job',
      fx.spec,
      '--server',
      server.baseUrl,
      '--api-key',
      server.apiKey,
      fx.cvs.strong,
      fx.documents.docx,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/#\s+Candidate\s+Score\s+Verdict/);
    expect(run.stdout).toContain('priya-docx');
  });

  it('exits 3 with the server’s reason when the key is refused', async () => {
    const run = await screen(
      '--job',
      fx.spec,
      '--server',
      server.baseUrl,
      '--api-key',
      'aptly_not-a-real-key',
      fx.cvs.strong,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/error: POST \/api\/v1\/screen answered 401: /);
    expect(run.stdout).toBe('');
  });
});
