const ABBREVIATION_END = /\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|no|dr|mr|ms|mrs|st|ltd|inc|co|jr|sr)\.$/i;

function openBrackets(text: string): number {
  return (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
}

/**
 * Sentences of one line; "e.g." and "Node.js" do not end a sentence, and one that ends inside brackets or
 * quotes ("(… toward the 3 years.) You've sold …") ends after them.
 */
export function splitSentences(line: string): string[] {
  const pieces = line.split(/(?<=[.!?;]["'”’)\]]?)\s+/);
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    // "e.g." does not end a sentence, and neither does a ";" inside brackets ("(EKS preferred; GKE/AKS)").
    if (last !== undefined && (ABBREVIATION_END.test(last) || openBrackets(last) > 0))
      out[out.length - 1] = `${last} ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
