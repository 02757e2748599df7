/** Verdict bands of the contract: the verdict is always derived from the score by our code. */
export const VERDICTS = ['Strong shortlist', 'Borderline', 'Do not progress'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STRONG_SHORTLIST_MIN = 75;
export const BORDERLINE_MIN = 50;

/** Clamp to the contract's integer 0–100 range. Non-finite input is treated as 0. */
export function clampScore(raw: number): number {
  if (!Number.isFinite(raw)) return 0;
  return Math.min(100, Math.max(0, Math.round(raw)));
}

export function verdictForScore(score: number): Verdict {
  const s = clampScore(score);
  if (s >= STRONG_SHORTLIST_MIN) return 'Strong shortlist';
  if (s >= BORDERLINE_MIN) return 'Borderline';
  return 'Do not progress';
}
