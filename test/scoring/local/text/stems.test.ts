import { describe, expect, it } from 'vitest';
import { contentStems, stemWord } from '../../../../src/scoring/local/text/tokenize.ts';

describe('stems of irregular verbs', () => {
  it.each([
    ['built', 'building'],
    ['led', 'leading'],
    ['taught', 'teaching'],
    ['drove', 'driving'],
    ['written', 'writing'],
    ['sold', 'selling'],
  ])('%s has the stem of %s', (past, ing) => {
    expect(stemWord(past)).toBe(stemWord(ing));
  });

  it('words of another meaning keep their own stem', () => {
    expect(stemWord('found')).not.toBe(stemWord('find'));
    expect(stemWord('left')).toBe('left');
  });

  it('a phrase from a CV meets the same phrase from an advert', () => {
    expect(contentStems('Built production APIs')).toEqual(contentStems('building production APIs'));
  });
});
