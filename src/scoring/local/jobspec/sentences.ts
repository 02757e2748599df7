const ABBREVIATION_END = /\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|no|dr|mr|ms|mrs|st|ltd|inc|co|jr|sr)\.$/i;

/** Sentences of one line; "e.g." and "Node.js" do not end a sentence. */
export function splitSentences(line: string): string[] {
  const pieces = line.split(/(?<=[.!?;])\s+/);
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && ABBREVIATION_END.test(last)) out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
