import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmEngine } from '../../../src/scoring/llm/engine.ts';
import { textForProvider } from '../../../src/scoring/llm/redact.ts';
import { openAiUserMessage, startFakeOpenAi } from './support/fake-openai.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import { CV_WITH_PERSONAL_DETAILS, JOB_SPEC, PERSONAL, settings, VALID_ANSWER } from './support/fixtures.ts';

/** What leaves the machine: the request the provider receives holds no personal detail of the candidate. */
describe('redaction before a CV is sent', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    fake.respondWith(() => ({ kind: 'answer', answer: VALID_ANSWER }));
  });
  afterAll(() => fake.close());

  const leaks = (sent: string) => {
    const lower = sent.toLowerCase();
    const needles = [
      PERSONAL.name,
      ...PERSONAL.name.split(' '),
      PERSONAL.email,
      PERSONAL.phone,
      PERSONAL.phone.replace(/\s/g, ''),
      '7700 900123',
      PERSONAL.address,
      'Wellington Road',
      'LS1 4AP',
      PERSONAL.dateOfBirth,
      PERSONAL.nationality,
      PERSONAL.gender,
      'headshot',
      'Married',
      'two children',
    ];
    return needles.filter((needle) => lower.includes(needle.toLowerCase()));
  };

  it('sends none of the name, email, phone, address, date of birth, nationality, gender, photo or family status', async () => {
    const engine = createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1` }),
      retentionMs: 3_600_000,
    });
    await engine.scoreEach(JOB_SPEC, [CV_WITH_PERSONAL_DETAILS]);
    const raw = fake.requests.at(-1)?.raw ?? '';
    expect(leaks(raw)).toEqual([]);
    // Every byte of the request was checked, headers included; the evidence itself still went.
    expect(leaks(JSON.stringify(fake.requests.at(-1)?.headers))).toEqual([]);
    expect(openAiUserMessage(fake.requests.at(-1)?.body ?? {})).toContain(
      'FastAPI and PostgreSQL serving 2 million',
    );
  });

  it('sends the CV as written when APTLY_LLM_REDACT=0', async () => {
    const engine = createLlmEngine({
      settings: settings({ baseUrl: `${fake.url}/v1`, redact: false }),
      retentionMs: 3_600_000,
    });
    await engine.scoreEach(JOB_SPEC, [CV_WITH_PERSONAL_DETAILS]);
    expect(leaks(fake.requests.at(-1)?.raw ?? '')).toContain(PERSONAL.email);
  });

  it('sweeps contact details left inside prose and a birth date in a sentence', () => {
    const sent = textForProvider(
      'Engineer\nExperience\n- Reach me at jo@example.com or +1 (415) 555-0199, see www.jo.dev/cv\n- Born on 3 May 1988 in Leeds.\n- Led 2019 - 2021 migration of 12 services',
      true,
    );
    expect(sent).not.toMatch(/jo@example|555-0199|jo\.dev|1988/);
    expect(sent).toContain('2019 - 2021');
  });
});
