import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/screen/progress.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('screen progress', () => {
  it('redraws one bar on a terminal and ends the line when finished', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream);
    progress.update(0, 4);
    progress.update(2, 4);
    progress.update(2, 4);
    progress.update(4, 4);
    progress.finish();
    expect(written).toEqual([
      `\r[${'-'.repeat(30)}] 0/4 scored`,
      `\r[${'#'.repeat(15)}${'-'.repeat(15)}] 2/4 scored`,
      `\r[${'#'.repeat(30)}] 4/4 scored`,
      '\n',
    ]);
  });

  it('writes a plain line per change elsewhere (a log file, CI)', () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgress(stream);
    progress.update(1, 3);
    progress.update(1, 3);
    progress.update(3, 3);
    progress.finish();
    expect(written).toEqual(['Progress: 1/3 scored\n', 'Progress: 3/3 scored\n']);
  });
});
