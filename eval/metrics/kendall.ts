/**
 * Kendall's tau-b, which corrects for ties on either side (tau-a would shrink towards 0 whenever an engine
 * gives equal scores). Null when fewer than two points or either side is constant. O(n²): fine for the
 * few hundred pairs the evaluation sets have.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error('kendallTauB: inputs differ in length');
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiedXOnly = 0;
  let tiedYOnly = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign((x[i] ?? 0) - (x[j] ?? 0));
      const dy = Math.sign((y[i] ?? 0) - (y[j] ?? 0));
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiedXOnly++;
      else if (dy === 0) tiedYOnly++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt(
    (concordant + discordant + tiedXOnly) * (concordant + discordant + tiedYOnly),
  );
  if (denominator === 0) return null;
  return (concordant - discordant) / denominator;
}
