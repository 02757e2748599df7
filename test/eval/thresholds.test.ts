import { describe, expect, it } from 'vitest';
import { fitThresholds, labelForScore, leaveOneJobOut } from '../../eval/thresholds.ts';
import type { Label } from '../../eval/types.ts';
import { predictVerdicts } from '../../eval/verdicts.ts';

const samples = (rows: [number, Label][]) => rows.map(([score, label]) => ({ score, label }));

describe('fitThresholds', () => {
  it('puts the cuts halfway between separable classes', () => {
    const fitted = fitThresholds(
      samples([
        [10, 'reject'],
        [20, 'reject'],
        [50, 'borderline'],
        [60, 'borderline'],
        [80, 'strong'],
        [90, 'strong'],
      ]),
    );
    expect(fitted).toEqual({ borderlineMin: 35, strongMin: 70 });
  });

  it('leaves the borderline band empty when no pair is borderline', () => {
    const fitted = fitThresholds(
      samples([
        [5, 'reject'],
        [6, 'reject'],
        [30, 'strong'],
      ]),
    );
    expect(fitted.strongMin).toBe(18);
    expect(labelForScore(10, fitted)).toBe('reject');
    expect(labelForScore(25, fitted)).toBe('strong');
  });
});

describe('leaveOneJobOut', () => {
  it('fits each job on the others only', () => {
    const byJob = new Map([
      [
        'a',
        samples([
          [10, 'reject'],
          [40, 'strong'],
        ]),
      ],
      [
        'b',
        samples([
          [12, 'reject'],
          [44, 'strong'],
        ]),
      ],
      // Job c is on a different scale; its own labels must not move its thresholds.
      [
        'c',
        samples([
          [60, 'reject'],
          [90, 'strong'],
        ]),
      ],
    ]);
    const { predictions, thresholdsByJob } = leaveOneJobOut(byJob);
    expect(thresholdsByJob.get('c')?.strongMin).toBe(26);
    expect(predictions.get('c')).toEqual(['strong', 'strong']);
    expect(predictions.get('a')).toEqual(['reject', 'strong']);
  });
});

describe('predictVerdicts', () => {
  const jobs = ['a', 'b'].map((jobId) => ({
    jobId,
    scores: [80, 60, 10],
    labels: ['strong', 'borderline', 'reject'] as Label[],
  }));

  it('uses the contract bands for a calibrated engine', () => {
    const { predictions, source } = predictVerdicts(true, jobs);
    expect(source.kind).toBe('bands');
    expect(predictions?.get('a')).toEqual(['strong', 'borderline', 'reject']);
  });

  it('refuses to fit baseline thresholds on fewer than 3 labelled jobs', () => {
    const { predictions, source } = predictVerdicts(false, jobs);
    expect(predictions).toBeNull();
    expect(source.kind).toBe('none');
  });
});
