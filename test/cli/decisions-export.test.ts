import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { addMs, now, type Timestamp } from '../../src/domain/time.ts';
import { submitJob } from '../../src/jobs/index.ts';
import { type CandidateOutcome, claimCandidates, completeCandidates } from '../../src/queue/index.ts';
import { createLocalEngine } from '../../src/scoring/local/engine.ts';
import { createPrincipal, screenInput, submitDeps } from '../jobs/fixtures.ts';
import { describeEachDialect } from '../support/databases.ts';
import { runAptly } from './screen-process.ts';

const SPEC =
  'Backend Engineer. Our team builds payment rails for Northwind Bank. Must have: 5+ years Node.js, TypeScript, PostgreSQL.';
const CVS = [
  'Priya Natarajan, priya@example.com. Senior Backend Engineer at Brightpay, 2017 - present: Node.js, TypeScript and PostgreSQL.',
  'Sam Lee, sam@example.com. Junior web developer at Pixel Studio, 2024 - present: HTML and CSS.',
];

function exportDecisions(databaseUrl: string, ...args: string[]) {
  return runAptly(['decisions', 'export', ...args], { DATABASE_URL: databaseUrl, APTLY_LOG_LEVEL: 'silent' });
}

describeEachDialect('aptly decisions export', (database) => {
  let orgId: number;
  let decidedAt: Timestamp;

  beforeAll(async () => {
    const { store } = database();
    const principal = await createPrincipal(store.db);
    orgId = principal.orgId;
    const other = await createPrincipal(store.db);
    const input = screenInput(2, {
      job_spec: SPEC,
      candidates: CVS.map((cv_text, i) => ({ candidate_ref: `ats-${i + 1}`, cv_text })),
    });
    await submitJob(submitDeps(store), principal, input, { at: now() });
    await submitJob(submitDeps(store), other, screenInput(1), {
      at: now(),
    });
    decidedAt = now();
    const engine = createLocalEngine();
    for (;;) {
      const batch = await claimCandidates(store.db, store.dialect, 'w', {
        limit: 10,
        leaseMs: 60_000,
        at: decidedAt,
      });
      if (!batch) break;
      const scores = await engine.scoreBatch(
        batch.jobSpec,
        batch.items.map((i) => i.cvText),
        { asOf: batch.asOf },
      );
      const outcomes: CandidateOutcome[] = scores.map((value, i) => ({
        position: batch.items[i]?.position ?? -1,
        ok: true,
        value,
      }));
      await completeCandidates(store.db, store.dialect, 'w', batch.jobId, outcomes, decidedAt);
    }
  });

  it('writes CSV with a header and one row per decision of the organisation', async () => {
    const run = await exportDecisions(database().url, '--org', String(orgId), '--format', 'csv');
    expect(run.stderr).toContain(`Exported 2 decisions of organisation ${orgId}`);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.candidate_ref)).toEqual(['ats-1', 'ats-2']);
    expect(rows.every((r) => r.org_id === String(orgId))).toBe(true);
    const [strong] = rows;
    expect(Number(strong?.score)).toBeGreaterThan(Number(rows[1]?.score));
    expect(strong?.verdict).toMatch(/Strong shortlist|Borderline|Do not progress/);
    expect(strong?.decided_at).toBe(decidedAt);
    expect(JSON.parse(strong?.requirements ?? '[]')[0]).toEqual({
      kind: expect.any(String),
      label: expect.any(String),
      importance: expect.any(String),
      status: expect.any(String),
    });
  });

  it('writes JSON Lines, filtered by --since/--until', async () => {
    const run = await exportDecisions(
      database().url,
      '--org',
      String(orgId),
      '--format',
      'jsonl',
      '--since',
      '2000-01-01',
    );
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ org_id: orgId, candidate_ref: 'ats-1' });
    const later = addMs(decidedAt, 1);
    const none = await exportDecisions(
      database().url,
      '--org',
      String(orgId),
      '--format',
      'jsonl',
      '--since',
      later,
    );
    expect(none.stdout).toBe('');
    const before = await exportDecisions(
      database().url,
      '--org',
      String(orgId),
      '--format',
      'jsonl',
      '--until',
      decidedAt,
    );
    expect(before.stdout).toBe('');
  });

  it('exports no CV text, contact details or job spec', async () => {
    for (const format of ['csv', 'jsonl']) {
      const { stdout } = await exportDecisions(database().url, '--org', String(orgId), '--format', format);
      expect(stdout.length).toBeGreaterThan(0);
      for (const cv of CVS) expect(stdout).not.toContain(cv);
      for (const secret of [
        'priya@example.com',
        'Priya Natarajan',
        'Brightpay',
        'Pixel Studio',
        'Northwind',
        SPEC,
      ])
        expect(stdout).not.toContain(secret);
    }
  });

  it('refuses an unknown organisation and a bad date', async () => {
    const unknown = await exportDecisions(database().url, '--org', '999999', '--format', 'csv');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('organisation 999999 not found');
    const bad = await exportDecisions(database().url, '--org', String(orgId), '--since', 'last week');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--since.*must be a date/);
  });
});
