/** Job progress on stderr: a redrawn bar on a terminal, otherwise a plain line per change. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 30;

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = '';
  if (stream.isTTY) {
    return {
      update(done, total) {
        const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
        const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} scored`;
        if (line !== last) stream.write(`\r${line}`);
        last = line;
      },
      finish() {
        if (last !== '') stream.write('\n');
      },
    };
  }
  return {
    update(done, total) {
      const line = `Progress: ${done}/${total} scored`;
      if (line !== last) stream.write(`${line}\n`);
      last = line;
    },
    finish() {},
  };
}
