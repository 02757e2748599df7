import { describe, expect, it } from 'vitest';
import { describeJsonSyntaxError } from '../../../src/http/validation/json-syntax-error.ts';

/** Each case as Python's json.loads reports it (checked with CPython 3). */
const PYTHON: [string, number, string][] = [
  ['', 0, 'Expecting value: line 1 column 1 (char 0)'],
  ['   ', 3, 'Expecting value: line 1 column 4 (char 3)'],
  ['{', 1, 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
  ['{"a" 1}', 5, "Expecting ':' delimiter: line 1 column 6 (char 5)"],
  ['{"a": 1,}', 8, 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
  ['[1,2', 4, "Expecting ',' delimiter: line 1 column 5 (char 4)"],
  ['[1,]', 3, 'Expecting value: line 1 column 4 (char 3)'],
  ['"abc', 0, 'Unterminated string starting at: line 1 column 1 (char 0)'],
  ['{} x', 3, 'Extra data: line 1 column 4 (char 3)'],
  ['{"a":"\u0001"}', 6, 'Invalid control character at: line 1 column 7 (char 6)'],
  ['{"a": "\\x"}', 7, 'Invalid \\escape: line 1 column 8 (char 7)'],
  ['-', 0, 'Expecting value: line 1 column 1 (char 0)'],
  ['01', 1, 'Extra data: line 1 column 2 (char 1)'],
  ['{"job_spec": }', 13, 'Expecting value: line 1 column 14 (char 13)'],
  ['\n\n  {"a": tru}', 10, 'Expecting value: line 3 column 9 (char 10)'],
  ['{"a": 1 "b": 2}', 8, "Expecting ',' delimiter: line 1 column 9 (char 8)"],
  ['[1 2]', 3, "Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ['{"a": "\\u12G4"}', 8, 'Invalid \\uXXXX escape: line 1 column 9 (char 8)'],
  ['nul', 0, 'Expecting value: line 1 column 1 (char 0)'],
];

describe('describeJsonSyntaxError', () => {
  it.each(PYTHON)('%j → char %i', (text, position, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(describeJsonSyntaxError(text)).toEqual({ position, message });
  });

  it('survives nesting far deeper than any call stack', () => {
    const deep = `${'['.repeat(1_000_000)}x`;
    expect(describeJsonSyntaxError(deep).position).toBe(1_000_000);
  });

  it('never quotes the text itself (it may be CV text)', () => {
    const secret = 'Jane Doe, 12 Private Road';
    expect(describeJsonSyntaxError(`{"cv_text": "${secret}" oops}`).message).not.toContain('Jane');
  });
});
