import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cvPdf } from '../support/documents/cv-documents.ts';
import { writeDocx } from '../support/documents/docx-writer.ts';
import { type LiveServer, startLiveServer } from '../support/live-server.ts';
import { seriousAccessibilityProblems } from './support/axe.ts';
import { buildDashboard } from './support/build-dashboard.ts';
import { chromiumAvailable, launchChromium } from './support/chromium.ts';

/**
 * The dashboard end to end, as a new user meets it: `aptly serve` on a fresh database, Chromium, the
 * bootstrap admin. Steps share one browser page and run in order; each page is checked with axe-core and
 * photographed into test-results/dashboard/.
 */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/dashboard/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

const JOB_SPEC = [
  'Senior Backend Engineer.',
  'Must have: 5+ years Node.js, TypeScript, PostgreSQL, REST APIs.',
  'Nice to have: AWS, Docker, Kafka.',
].join('\n');

const WEAK_CV = 'Data Analyst, Boots, 2019 - present. SQL and Excel reporting; some Python scripting.';
const PARTIAL_DOCX = writeDocx([
  'Sam Lee',
  'Frontend Developer, Acme, Jan 2021 - Present',
  '- Built React and TypeScript interfaces; small Node.js services.',
  'Skills',
  'TypeScript, React, CSS, Node.js',
]);

describe.skipIf(!chromiumAvailable())('the dashboard in Chromium', () => {
  let server: LiveServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let password = '';
  /** Uncaught exceptions in the page: there must be none. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildDashboard();
    [server, browser] = await Promise.all([startLiveServer(), launchChromium()]);
    password = /Password:\s+(\S+)/.exec(server.stdout())?.[1] ?? '';
    // axe is injected inline, which the dashboard's Content-Security-Policy rightly forbids.
    context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await context?.close();
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  const live = () => {
    if (!server) throw new Error('the live server did not start');
    return server;
  };
  const expectAccessible = async (where: string) => {
    expect(await seriousAccessibilityProblems(page), where).toEqual([]);
  };
  const screenshot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const heading = () => page.getByRole('heading', { level: 1 });
  /** expect.poll gives up after 1 s; the server's work (PDF extraction, scoring) can take longer on a busy machine. */
  const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

  it('sends a visitor to sign in, and refuses a wrong password with a message', async () => {
    expect(password).not.toBe('');
    await page.goto(`${live().baseUrl}/keys`);
    await eventually(() => page.url()).toBe(`${live().baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('do not match');
    await expectAccessible('sign-in');
    await screenshot('01-sign-in');
  });

  it('signs the bootstrap admin in, onto the page the link asked for', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => heading().textContent()).toBe('API keys');
    expect(page.url()).toBe(`${live().baseUrl}/keys`);
    // Focus moves to the new page's heading, as after a page load.
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
  });

  it('creates a key, shows it once with the warning, then revokes it after confirmation', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await eventually(() => heading().textContent()).toBe('API keys');
    await eventually(() => page.getByRole('row').count()).toBe(2); // header + the bootstrap key
    await page.getByLabel('Key name').fill('E2E integration');
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyField = page.getByLabel('Full API key');
    const key = await keyField.inputValue();
    expect(key).toMatch(/^aptly_[A-Za-z0-9_-]{54}$/);
    expect(await page.getByText('Store this key securely. It will not be shown again.').count()).toBe(1);
    await context?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live().baseUrl });
    await page.getByRole('button', { name: 'Copy key' }).click();
    await eventually(() => page.getByText('Copied to the clipboard.').count()).toBe(1);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(key);
    await expectAccessible('key created');
    await screenshot('04-key-created');

    // The key works against the API at once.
    const probe = await fetch(`${live().baseUrl}/api/v1/jobs/00000000-0000-4000-8000-000000000000`, {
      headers: { 'x-api-key': key },
    });
    expect(probe.status).toBe(404);

    await page.getByRole('button', { name: 'I have stored the key' }).click();
    expect(await page.content()).not.toContain(key);
    const row = page.getByRole('row').filter({ hasText: 'E2E integration' });
    expect(await row.getByText('Active').count()).toBe(1);

    await page.getByRole('button', { name: 'Revoke key E2E integration' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').textContent()).toContain('Revoke the key “E2E integration”?');
    await expectAccessible('revoke dialog');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await eventually(() => row.getByText('Revoked').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'is revoked' }).count()).toBe(1);
    const revoked = await fetch(`${live().baseUrl}/api/v1/jobs/00000000-0000-4000-8000-000000000000`, {
      headers: { 'x-api-key': key },
    });
    expect(revoked.status).toBe(401);
    await expectAccessible('keys');
    await screenshot('05-keys');
  });

  it('explains the 5-active-keys limit on the page instead of offering a refusal', async () => {
    const token = await page.evaluate(`JSON.parse(sessionStorage.getItem('aptly.session')).token`);
    for (const name of ['Two', 'Three', 'Four', 'Five']) {
      const created = await fetch(`${live().baseUrl}/api/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      expect(created.status).toBe(200);
    }
    await page.reload();
    await eventually(() => page.getByText('the most allowed').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Create key' }).isDisabled()).toBe(true);
    await expectAccessible('keys at the limit');
  });

  it('explains an organisation without API access, and works again once it is back on', async () => {
    const apiAccess = (state: 'on' | 'off') =>
      run('node_modules/.bin/tsx', ['src/cli/main.ts', 'org', 'update', '1', '--api-access', state], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: live().databaseUrl },
      });
    await apiAccess('off');
    try {
      await page.reload();
      await expect
        .poll(() => page.getByText('API access is not enabled for your organisation').count())
        .toBe(1);
      expect(await page.getByRole('button', { name: 'Create key' }).isDisabled()).toBe(true);
    } finally {
      await apiAccess('on');
    }
    await page.reload();
    await expect
      .poll(() => page.getByText('API access is not enabled for your organisation').count())
      .toBe(0);
  }, 60_000);

  it('screens a PDF, a DOCX, a pasted CV and a folder, ranks them, and exports the CSV', async () => {
    await page.getByRole('link', { name: 'Screening workspace' }).click();
    await page.getByLabel('Job specification', { exact: true }).fill(JOB_SPEC);
    await page.getByLabel('Drop CV files or a folder here').setInputFiles([
      { name: 'priya-natarajan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(cvPdf()) },
      {
        name: 'sam-lee.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(PARTIAL_DOCX),
      },
    ]);
    await eventually(() => page.getByRole('list', { name: '2 candidates' }).isVisible()).toBe(true);
    await page.getByText('Paste a CV as text').click();
    await page.getByLabel('Candidate reference (optional)').fill('analyst');
    await page.getByLabel('CV text').fill(WEAK_CV);
    await page.getByRole('button', { name: 'Add this candidate' }).click();

    // A folder: its CV files become candidates, anything else is named as skipped.
    const folder = mkdtempSync(path.join(tmpdir(), 'aptly-cvs-'));
    try {
      writeFileSync(
        path.join(folder, 'jo-bloggs.md'),
        'Jo Bloggs. Support engineer, 2022 - present: Zendesk, SQL.',
      );
      writeFileSync(path.join(folder, 'photo.png'), 'not a CV');
      await page.getByLabel('Or choose a whole folder').setInputFiles(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await eventually(() => page.getByRole('list', { name: '4 candidates' }).isVisible()).toBe(true);
    expect(await page.getByRole('alert').textContent()).toContain('photo.png: skipped');
    await expectAccessible('workspace with candidates');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot('02-workspace');
    await page.getByRole('button', { name: 'Screen 4 candidates' }).click();

    const table = page.locator('table.results-table');
    await table.waitFor({ timeout: 60_000 });
    expect(await page.evaluate('document.activeElement?.id')).toBe('results-title');
    await eventually(() => table.locator('tbody tr').count()).toBe(4);
    const refs = await table.locator('tbody tr th[scope=row]').allTextContents();
    const scores = (await table.locator('tbody td.score').allTextContents()).map(Number);
    expect(refs[0]).toBe('priya-natarajan');
    expect(refs).toContain('jo-bloggs');
    expect(refs).toContain('analyst');
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.getByText('These results support a human decision; they do not make it.').count()).toBe(
      1,
    );

    await page.getByRole('button', { name: 'Show evidence for priya-natarajan' }).click();
    expect(await page.getByRole('table', { name: /Evidence for priya-natarajan/ }).isVisible()).toBe(true);
    expect(await page.getByRole('listitem').filter({ hasText: 'expires in' }).count()).toBe(1);
    await expectAccessible('results');
    await page.evaluate(`document.getElementById('results-title').scrollIntoView()`);
    await screenshot('03-results');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('rank,candidate_ref,score,verdict,match_reasons,gaps,flags,error');
    expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(refs);

    await page.getByLabel(/^Do not progress/).check();
    const filtered = await table.locator('tbody tr th[scope=row]').allTextContents();
    expect(filtered).toContain('analyst');
    expect(filtered).not.toContain('priya-natarajan');
  }, 90_000);

  it('shows this month’s usage against the plan, in words and as a meter, per key', async () => {
    // Two CVs through the bootstrap key, so the page has a key's share to show beside the workspace's.
    const submitted = await fetch(`${live().baseUrl}/api/v1/screen`, {
      method: 'POST',
      headers: { 'x-api-key': live().apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        job_spec: JOB_SPEC,
        candidates: [
          { candidate_ref: 'a', cv_text: WEAK_CV },
          { candidate_ref: 'b', cv_text: WEAK_CV },
        ],
      }),
    });
    expect(submitted.status).toBe(200);
    await page.getByRole('link', { name: 'Usage' }).click();
    await eventually(() => heading().textContent()).toBe('Usage this month');
    const meter = page.getByRole('meter', { name: 'Organisation: CVs screened this month' });
    expect(await meter.evaluate((element) => (element as unknown as { value: number }).value)).toBe(6);
    expect(await page.getByRole('row', { name: /Screening workspace/ }).textContent()).toContain('4');
    expect(await page.getByRole('row', { name: /^Default/ }).textContent()).toContain('2');
    await expectAccessible('usage');
    await screenshot('06-usage');
  });

  it('lists the organisation’s recent jobs from the server, API jobs included, and opens their results', async () => {
    await page.getByRole('link', { name: 'Screening workspace' }).click();
    const recent = page.getByRole('region', { name: 'Recent jobs' }).getByRole('listitem');
    // The workspace's job and the one the bootstrap key submitted above, newest first.
    await eventually(() => recent.filter({ hasText: 'expires in' }).count()).toBe(2);
    expect(await recent.nth(0).textContent()).toContain(`API key ${live().apiKey.slice(0, 20)}`);
    expect(await recent.nth(1).textContent()).toContain('dashboard');
    await recent.nth(0).getByRole('button').click();
    const table = page.locator('table.results-table');
    await table.waitFor({ timeout: 60_000 });
    expect((await table.locator('tbody tr th[scope=row]').allTextContents()).sort()).toEqual(['a', 'b']);
  }, 90_000);

  it('reveals, and after confirmation rotates, the webhook signing secret', async () => {
    await page.getByRole('link', { name: 'Webhook secret' }).click();
    const field = page.getByLabel('Signing secret');
    expect(await field.inputValue()).not.toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    await expectAccessible('webhook secret, hidden');
    // Photographed hidden: a README picture of a live-looking secret would only invite copying.
    await screenshot('07-webhook-secret');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await eventually(() => field.inputValue()).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    const before = await field.inputValue();
    await page.getByRole('button', { name: 'Rotate secret…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    await eventually(() => field.inputValue()).not.toBe(before);
    expect(await field.inputValue()).toMatch(/^whsec_/);
    await expectAccessible('webhook secret, shown');
  });

  it('returns to sign-in with a message when the session is no longer valid, and on sign out', async () => {
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('aptly.session'));
      sessionStorage.setItem('aptly.session', JSON.stringify({ ...session, token: 'expired' }));
    })()`);
    await page.goto(`${live().baseUrl}/keys`);
    await eventually(() => page.url()).toBe(`${live().baseUrl}/sign-in`);
    expect(await page.getByRole('status').textContent()).toContain('Your session has ended');

    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the session ended.
    await eventually(() => heading().textContent()).toBe('API keys');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await eventually(() => page.url()).toBe(`${live().baseUrl}/sign-in`);
    expect(await page.getByRole('status').textContent()).toContain('You have signed out');
    expect(await page.evaluate(`sessionStorage.getItem('aptly.session')`)).toBeNull();
  });
});
