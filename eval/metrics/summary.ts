export interface Distribution {
  min: number;
  median: number;
  max: number;
}

export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median, max: sorted[sorted.length - 1] ?? 0 };
}

/** Mean of the defined values; null when there are none (e.g. every job lacked one of the classes). */
export function meanOfDefined(values: readonly (number | null)[]): { mean: number | null; n: number } {
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length === 0) return { mean: null, n: 0 };
  return { mean: defined.reduce((s, v) => s + v, 0) / defined.length, n: defined.length };
}
