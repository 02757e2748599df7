import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { checkSubmission, DUPLICATE_REFS, isBlankCv } from '../../src/jobs/semantic-rules.ts';
import { screenInput } from './fixtures.ts';

function refusal(run: () => void): { code: string; detail: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, detail: error.detail };
    throw error;
  }
}

describe('checkSubmission', () => {
  it('accepts 1 to 200 uniquely named candidates, blank CVs included', () => {
    expect(refusal(() => checkSubmission(screenInput(1)))).toBeUndefined();
    expect(refusal(() => checkSubmission(screenInput(200)))).toBeUndefined();
    const blank = screenInput(2, { candidates: [{ candidate_ref: 'a', cv_text: '   ' }] });
    expect(refusal(() => checkSubmission(blank))).toBeUndefined();
  });

  it('refuses a blank job spec, no candidates, too many, and duplicate refs with the documented messages', () => {
    expect(refusal(() => checkSubmission(screenInput(1, { job_spec: ' \n\t ' })))).toEqual({
      code: 'bad_request',
      detail: 'job_spec must not be empty',
    });
    expect(refusal(() => checkSubmission(screenInput(0)))).toEqual({
      code: 'bad_request',
      detail: 'At least one candidate is required',
    });
    expect(refusal(() => checkSubmission(screenInput(201)))).toEqual({
      code: 'bad_request',
      detail: 'Maximum 200 candidates per request',
    });
    const duplicates = screenInput(0, {
      candidates: [
        { candidate_ref: 'x', cv_text: 'one' },
        { candidate_ref: 'x', cv_text: 'two' },
      ],
    });
    expect(refusal(() => checkSubmission(duplicates))).toEqual({
      code: 'bad_request',
      detail: DUPLICATE_REFS,
    });
    expect(DUPLICATE_REFS).toBe(
      'Duplicate candidate_ref values found, all candidate_ref values must be unique within a request',
    );
  });

  it('calls only whitespace blank', () => {
    expect(isBlankCv('')).toBe(true);
    expect(isBlankCv(' \n ')).toBe(true);
    expect(isBlankCv('x')).toBe(false);
  });
});
