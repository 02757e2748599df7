/** Overlapping runs of four content stems: a CV line sharing many of them with the ad was copied from it. */
export const SHINGLE_SIZE = 4;

export function shinglesOf(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= stems.length; i++) out.add(stems.slice(i, i + SHINGLE_SIZE).join(' '));
  return out;
}
