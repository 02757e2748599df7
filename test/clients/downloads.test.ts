import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/http/downloads/operations.ts';
import { bootstrapAdmin } from '../support/live-admin.ts';
import { useLiveServer } from '../support/live-server.ts';

/**
 * The two downloads, fetched from a live server and run by the real third-party runners a user would run:
 * httpyac for aptly-api.http (its `??` assertions included) and newman for the Postman collection (its
 * tests included). Each runner gets only the API key and admin password a new user would fill in. And the
 * server's OpenAPI document passes @redocly/cli lint.
 */
const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'node_modules/.bin');

const live = useLiveServer();
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aptly-downloads-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** GET a path of the live server; it must answer 200. */
async function download(urlPath: string): Promise<string> {
  const response = await fetch(`${live().baseUrl}${urlPath}`);
  expect(response.status).toBe(200);
  return response.text();
}

/**
 * A runner's stdout whatever its exit code: both exit non-zero when a test fails, and their JSON report
 * says what failed. A runner that could not start at all (no exit code) is an error of its own.
 */
async function runTool(tool: string, args: string[]): Promise<string> {
  const options = { cwd: dir, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 };
  return run(path.join(BIN, tool), args, options).then(
    ({ stdout }) => stdout,
    (error: Error & { code?: unknown; stdout?: string }) => {
      if (typeof error.code !== 'number') throw error;
      return error.stdout ?? '';
    },
  );
}

describe('the downloads against a live server', () => {
  it('the OpenAPI document the server serves passes @redocly/cli lint (redocly.yaml) with no errors', async () => {
    writeFileSync(path.join(dir, 'openapi.json'), await download('/openapi.json'));
    // redocly.yaml is found from the working directory: the repository's own rules.
    const { stdout } = await run(
      path.join(BIN, 'redocly'),
      ['lint', path.join(dir, 'openapi.json'), '--format=json'],
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 30_000);

  it('httpyac sends every request of aptly-api.http and all its assertions pass', async () => {
    const source = await download('/downloads/aptly-api.http?client=httpyac');
    expect(source).toContain(`@baseUrl = ${live().baseUrl}`);
    const configured = source
      .replace(/^@apiKey = .*$/m, `@apiKey = ${live().apiKey}`)
      .replace(/^@password = .*$/m, `@password = ${bootstrapAdmin(live()).password}`);
    expect(configured.split('\n').filter((line, i) => line !== source.split('\n')[i])).toHaveLength(2);
    writeFileSync(path.join(dir, 'aptly-api.http'), configured);

    const stdout = await runTool('httpyac', ['send', 'aptly-api.http', '--all', '--json']);
    const result = JSON.parse(stdout) as {
      summary: Record<string, number>;
      requests: { name: string; response?: { statusCode: number }; testResults?: { status: string }[] }[];
    };
    const outcomes = result.requests.map((r) => ({
      name: r.name,
      status: r.response?.statusCode,
      failed: (r.testResults ?? []).filter((t) => t.status !== 'SUCCESS').length,
    }));
    expect(outcomes).toEqual(EXAMPLE_OPERATIONS.map((op) => ({ name: op.id, status: 200, failed: 0 })));
    expect(result.summary).toMatchObject({ failedRequests: 0, erroredRequests: 0, failedTests: 0 });
    expect(result.summary.successTests).toBeGreaterThanOrEqual(EXAMPLE_OPERATIONS.length);
  }, 70_000);

  it('newman runs the Postman collection: every request answers and every test passes', async () => {
    writeFileSync(
      path.join(dir, 'collection.json'),
      await download('/downloads/aptly-api.postman_collection.json'),
    );
    const report = path.join(dir, 'newman.json');
    await runTool('newman', [
      'run',
      'collection.json',
      '--env-var',
      `apiKey=${live().apiKey}`,
      '--env-var',
      `password=${bootstrapAdmin(live()).password}`,
      '--reporters',
      'json',
      '--reporter-json-export',
      report,
    ]);
    const { run: summary } = JSON.parse(readFileSync(report, 'utf8')) as {
      run: {
        stats: Record<'requests' | 'assertions' | 'testScripts', { total: number; failed: number }>;
        executions: { item: { name: string }; response?: { code: number } }[];
        failures: { error: { message: string }; source?: { name?: string } }[];
      };
    };
    expect(summary.failures.map((f) => `${f.source?.name}: ${f.error.message}`)).toEqual([]);
    expect(summary.executions.map((e) => e.response?.code)).toEqual(EXAMPLE_OPERATIONS.map(() => 200));
    expect(summary.stats.requests).toEqual({ total: EXAMPLE_OPERATIONS.length, failed: 0, pending: 0 });
    expect(summary.stats.assertions.failed).toBe(0);
    expect(summary.stats.assertions.total).toBeGreaterThanOrEqual(EXAMPLE_OPERATIONS.length);
  }, 70_000);
});
