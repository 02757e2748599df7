import { describe, expect, it } from 'vitest';
import { addMs, billingMonthOf, now, toTimestamp } from '../../src/domain/time.ts';

describe('timestamps', () => {
  it('have microseconds and a trailing Z', () => {
    expect(now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(toTimestamp(new Date('2026-04-24T01:33:11.984Z'), 978)).toBe('2026-04-24T01:33:11.984978Z');
  });

  it('of one process are strictly increasing, even within one millisecond', () => {
    const stamps = Array.from({ length: 2000 }, () => now());
    for (let i = 1; i < stamps.length; i++) expect((stamps[i] ?? '') > (stamps[i - 1] ?? '')).toBe(true);
  });

  it('add milliseconds and keep the microseconds', () => {
    expect(addMs(toTimestamp(new Date('2026-01-31T23:59:59.999Z'), 5), 1)).toBe(
      '2026-02-01T00:00:00.000005Z',
    );
  });

  it('fall in a UTC billing month', () => {
    expect(billingMonthOf(toTimestamp(new Date('2026-05-31T23:59:59.999Z')))).toBe('2026-05');
  });
});
