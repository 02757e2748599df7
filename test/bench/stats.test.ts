import { describe, expect, it } from 'vitest';
import { mean, median, percentile } from '../../bench/lib/stats.ts';
import { renderTable } from '../../bench/lib/table.ts';

describe('bench stats', () => {
  it('computes medians and interpolated percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(percentile([], 50)).toBeNaN();
    expect(mean([1, 2, 3])).toBe(2);
  });

  it('renders aligned table columns', () => {
    const text = renderTable(
      ['metric', 'a'],
      [
        ['x', '1'],
        ['longer', '22'],
      ],
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('metric  a');
    expect(lines[2]).toBe('x       1');
    expect(lines[3]).toBe('longer  22');
  });
});
