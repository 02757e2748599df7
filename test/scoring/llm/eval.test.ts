import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runEvalCommand } from '../../../src/cli/commands/eval.ts';
import { writeTinyDataset } from '../../eval/fixture.ts';
import { openAiUserMessage, startFakeOpenAi } from './support/fake-openai.ts';
import type { FakeProvider } from './support/fake-provider.ts';

/** `aptly eval --engine llm` scores the dataset through the configured provider, beside the local engine. */
describe('aptly eval --engine llm', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    // A stand-in "model": a high score when the CV names Python, low otherwise; one CV gets no JSON.
    fake.respondWith((request) => {
      const user = openAiUserMessage(request.body);
      const cv = user.slice(user.indexOf('<cv>'));
      if (/commis/i.test(cv)) return { kind: 'text', text: 'no idea' };
      const score = /python/i.test(cv) ? 85 : 20;
      return { kind: 'answer', answer: { score, match_reasons: [], gaps: [] } };
    });
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => fake.close());

  it('runs the harness through the provider, side by side with the local engine', async () => {
    vi.stubEnv('APTLY_SCORER', 'openai-compatible');
    vi.stubEnv('APTLY_LLM_BASE_URL', `${fake.url}/v1`);
    vi.stubEnv('APTLY_LLM_MODEL', 'fake-model');
    let err = '';
    const report = await runEvalCommand(
      { dataset: writeTinyDataset(), engine: 'local,llm', json: true },
      { stdout: () => {}, stderr: (t) => (err += t) },
    );
    expect(report.engines).toEqual(['local', 'llm']);
    expect(fake.requests.length).toBeGreaterThanOrEqual(9);
    const accuracy = report.sections.flatMap((s) => s.rows).find((r) => r.id === 'accuracy');
    expect(accuracy?.values.llm).toEqual(expect.any(Number));
    expect(err).toContain('llm: 1/3');
  });

  it('explains what is missing when no provider is configured', async () => {
    vi.stubEnv('APTLY_SCORER', 'local');
    await expect(
      runEvalCommand({ dataset: writeTinyDataset(), engine: 'llm' }, { stdout: () => {}, stderr: () => {} }),
    ).rejects.toThrow(/--engine llm needs APTLY_SCORER/);
  });
});
