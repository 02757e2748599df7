import { describe, expect, it } from 'vitest';
import {
  collapseInitials,
  degreeLevelIn,
  degreeSubjectText,
} from '../../../../src/scoring/local/cv/degrees.ts';

describe('degree levels', () => {
  it.each([
    ['B.B.A., Marketing — The University of Texas', 'bachelor'],
    ['B.A., Economics, Colorado State University', 'bachelor'],
    ['M.B.A., McCombs School of Business', 'master'],
    ['BSc (Hons) Computer Science, University of Leeds', 'bachelor'],
    ['PhD in Chemistry', 'doctorate'],
  ])('%s is a %s', (line, level) => {
    expect(degreeLevelIn(line)).toBe(level);
  });

  it('dotted initials read as the abbreviation', () => {
    expect(collapseInitials('B.B.A. and M.B.A., e.g. Node.js')).toBe('BBA and MBA, eg Node.js');
  });
});

describe('degree subjects', () => {
  it('a degree whose name says its subject carries the subject', () => {
    expect(degreeSubjectText('B.B.A., Marketing')).toMatch(/business/);
    expect(degreeSubjectText('LLB (Hons)')).toMatch(/law/);
    expect(degreeSubjectText('BEng Civil')).toMatch(/engineering/);
  });

  it('any other degree adds nothing', () => {
    expect(degreeSubjectText('BA Psychology')).toBe('BA Psychology');
  });
});
