/**
 * The API's shapes as the dashboard uses them, kept in this one module so they can be swapped for the
 * generated OpenAPI types (packages/client/src/openapi.d.ts) once those exist. Field names are the
 * API's own.
 */

export interface AccessToken {
  readonly access_token: string;
  readonly token_type: 'bearer';
  readonly expires_in: number;
}

export interface KeyListingItem {
  readonly id: number;
  readonly name: string;
  readonly key_prefix: string;
  readonly revoked: boolean;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly monthly_cv_count: number;
  readonly billing_month: string;
}

export interface KeyListing {
  readonly api_access_enabled: boolean;
  readonly org_api_cvs_this_month: number;
  readonly committed_scans: number;
  readonly hard_cap_scans: number;
  readonly keys: readonly KeyListingItem[];
}

export interface CreatedKey {
  readonly id: number;
  readonly name: string;
  readonly key: string;
  readonly key_prefix: string;
  readonly created_at: string;
  readonly warning: string;
}

export interface WebhookSecret {
  readonly webhook_secret: string;
}

export interface ScreenRequest {
  readonly job_spec: string;
  readonly candidates: readonly { readonly candidate_ref: string; readonly cv_text: string }[];
}

export interface ScreenResponse {
  readonly job_id: string;
  readonly status: 'pending';
  readonly total_candidates: number;
  readonly expires_at: string;
}

export type Verdict = 'Strong shortlist' | 'Borderline' | 'Do not progress';
export type JobStatus = 'pending' | 'processing' | 'complete' | 'failed';

export interface RequirementEvidence {
  readonly requirement: string;
  readonly kind: string;
  readonly importance: 'essential' | 'desirable';
  readonly status: 'met' | 'partial' | 'missing';
  readonly evidence: string | null;
}

export interface CandidateResult {
  readonly candidate_ref: string;
  readonly score: number;
  readonly verdict: Verdict;
  readonly match_reasons: readonly string[];
  readonly gaps: readonly string[];
  /** Additive: per-requirement evidence (absent from engines that do not report it). */
  readonly requirements?: readonly RequirementEvidence[];
  readonly flags?: readonly string[];
}

export interface FailedCandidate {
  readonly candidate_ref: string;
  readonly error: string;
}

export interface JobView {
  readonly job_id: string;
  readonly status: JobStatus;
  readonly total_candidates: number;
  readonly processed_candidates: number;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly expires_at: string;
  readonly results?: readonly CandidateResult[];
  readonly failed?: readonly FailedCandidate[];
}

/** POST /api/v1/documents/extract: the text of one uploaded PDF or Word file. */
export interface ExtractedDocument {
  readonly file_name: string;
  readonly text: string;
}

/** `{"detail": ...}`: a sentence, or for 422 a list of field errors. */
export interface ErrorBody {
  readonly detail: string | readonly { readonly loc: readonly (string | number)[]; readonly msg: string }[];
}
