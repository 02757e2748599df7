import { describe, expect, it } from 'vitest';
import { coveredMonths, findDateRanges, monthIndexOf } from '../../../../src/scoring/local/cv/date-ranges.ts';

const asOf = monthIndexOf('2026-11-01');
const months = (line: string) => findDateRanges(line, asOf).map((r) => r.end - r.start);

describe('findDateRanges', () => {
  it.each([
    ['Senior Engineer, Finlo | Mar 2019 – Present', 93],
    ['2016-2019 Staff Nurse', 36],
    ['06/2014 to 08/2017', 39],
    ['Jan 2020 – present', 83],
    ['Team lead since 2021', 71],
    ['2018 – current', 107],
    ['Sept 2015 - Jun 2017', 22],
    ["Mar '19 - Dec '20", 22],
    ['juin 2018 – aujourd’hui', 102],
    ['2019-03 to 2021-07', 29],
  ])('reads %s', (line, expected) => {
    expect(months(line)).toEqual([expected]);
  });

  it('ignores lone years, phone numbers and years beyond the reference date', () => {
    expect(months('Graduated 2015')).toEqual([]);
    expect(months('Tel 01234 567890')).toEqual([]);
    expect(months('2030 - 2032')).toEqual([]);
  });

  it('labels ranges compactly for explanations', () => {
    expect(findDateRanges('Mar 2019 – Present', asOf)[0]?.label).toBe('2019–present');
  });
});

describe('coveredMonths', () => {
  it('counts overlapping roles once', () => {
    expect(
      coveredMonths([
        { start: 0, end: 24 },
        { start: 12, end: 36 },
        { start: 48, end: 60 },
      ]),
    ).toBe(48);
  });
});
