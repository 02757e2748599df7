export type JobStatus = 'pending' | 'processing' | 'complete' | 'failed';

export interface JobsTable {
  /** UUID v4. */
  id: string;
  org_id: number;
  key_id: number | null;
  status: JobStatus;
  /** Null once purged: the row then stays as a tombstone so 410 can be told from 404. */
  job_spec: string | null;
  webhook_url: string | null;
  total_candidates: number;
  processed_candidates: number;
  /** The date "present" in a CV means for this job (its submission date), so re-scoring is stable. */
  as_of: string;
  scoring_engine: string;
  scoring_version: string;
  created_at: string;
  completed_at: string | null;
  expires_at: string;
  purged_at: string | null;
  /** When a worker last claimed candidates of this job: the queue serves the least recently served organisation first. */
  last_claimed_at: string | null;
}

export type CandidateStatus = 'queued' | 'leased' | 'scored' | 'failed';

/** One candidate of a job: the queue's work item. */
export interface CandidatesTable {
  job_id: string;
  /** Submission order within the job, from 0. */
  position: number;
  candidate_ref: string;
  /** Null once purged. */
  cv_text: string | null;
  status: CandidateStatus;
  /** The scored result (candidate result JSON without candidate_ref and verdict); null until scored. */
  result_json: string | null;
  score: number | null;
  error: string | null;
  /** Lease: which worker holds the item and until when; an expired lease returns it to the queue. */
  locked_by: string | null;
  locked_until: string | null;
  attempts: number;
}
