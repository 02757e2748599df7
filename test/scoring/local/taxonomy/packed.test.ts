import { describe, expect, it } from 'vitest';
import {
  buildSlots,
  joinTable,
  KeyIndex,
  packInts,
  StringTable,
  unpackInts,
} from '../../../../src/scoring/local/taxonomy/packed.ts';

describe('packed integer columns', () => {
  it('round-trips with the narrowest width', () => {
    for (const values of [[], [0], [1, 2, 63], [64, 0, 4095], [262_143, 5], [1_000_000, 0, 7]]) {
      const packed = packInts(values);
      expect(Array.from(unpackInts(packed))).toEqual(values);
    }
    expect(packInts([63])).toBe('1_');
    expect(packInts([64])).toBe('210');
  });

  it('rejects what it cannot encode', () => {
    expect(() => packInts([-1])).toThrow();
    expect(() => packInts([1.5])).toThrow();
    expect(() => unpackInts('3ab')).toThrow(/malformed/);
  });
});

describe('string tables and key index', () => {
  it('keeps empty items and rejects newlines', () => {
    const table = new StringTable(joinTable(['a', '', 'node.js', 'ç']));
    expect(table.size).toBe(4);
    expect(table.toArray()).toEqual(['a', '', 'node.js', 'ç']);
    expect(table.equals(2, 'node.js')).toBe(true);
    expect(table.equals(2, 'node')).toBe(false);
    expect(new StringTable(joinTable([])).size).toBe(0);
    expect(() => joinTable(['a\nb'])).toThrow(/newline/);
  });

  it('finds every key, and nothing else', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `key ${i}`);
    const index = new KeyIndex(new StringTable(joinTable(keys)), unpackInts(packInts(buildSlots(keys))));
    keys.forEach((key, i) => {
      expect(index.find(key)).toBe(i);
    });
    expect(index.find('key 500')).toBe(-1);
    expect(index.find('')).toBe(-1);
  });
});
