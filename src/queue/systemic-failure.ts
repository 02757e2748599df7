/**
 * The error a candidate ends with when the engine itself kept failing (not the CV): after this many
 * attempts, or when workers holding it kept dying. A job whose candidates could not be scored for this
 * reason alone ends `failed` rather than `complete` (DESIGN.md §1, job status).
 */
export const MAX_ATTEMPTS = 3;

export const SYSTEMIC_FAILURE =
  'Scoring is temporarily unavailable: this candidate could not be scored after repeated attempts';
