/** The body of POST /api/v1/screen, already type-checked by the HTTP layer (its 422s). */
export interface SubmitInput {
  readonly job_spec: string;
  readonly candidates: readonly { readonly candidate_ref: string; readonly cv_text: string }[];
  readonly webhook_url?: string | null;
}

/** The documented response of POST /api/v1/screen. */
export interface SubmitResponse {
  readonly job_id: string;
  readonly status: 'pending';
  readonly total_candidates: number;
  readonly expires_at: string;
}
