/** Results sorted by score, highest first; ties keep submission order (Array.prototype.sort is stable). */
export function rankResults<T extends { readonly score: number }>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => b.score - a.score);
}
